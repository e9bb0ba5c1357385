// The camera and photos, as pixels for the readers loaded on demand: the QR reader (the
// studio's scan module) and the ballot reader (a count's 拍照计票). Frames are scaled down
// to at most `maxSide` pixels a side: enough for what each reads, and quick on a phone.

function pixels(source, width, height, maxSide) {
  const k = Math.min(1, maxSide / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * k));
  canvas.height = Math.max(1, Math.round(height * k));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return [data.data, canvas.width, canvas.height];
}

/**
 * Starts the back camera in `video`, at its best resolution when `hd` (a ballot's boxes
 * are small; a QR code on a screen is not); rejects with the browser's reason.
 */
export async function startCamera(video, hd) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new Error('camera not available');
  }
  const video_ = hd
    ? { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } }
    : { facingMode: 'environment' };
  const stream = await navigator.mediaDevices.getUserMedia({ video: video_, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play();
}

/** Stops the camera shown in `video`, if any. */
export function stopCamera(video) {
  const stream = video && video.srcObject;
  if (stream) {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

/** The current frame of `video` as [rgba, width, height], or null before the first frame. */
export function videoFrame(video, maxSide) {
  if (!video || !video.videoWidth) return null;
  return pixels(video, video.videoWidth, video.videoHeight, maxSide);
}

/** A photo file as [rgba, width, height]; rejects when it is not an image. */
export async function imageFile(file, maxSide) {
  const bitmap = await createImageBitmap(file);
  try {
    return pixels(bitmap, bitmap.width, bitmap.height, maxSide);
  } finally {
    bitmap.close();
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Draws `frame` ([rgba, width, height]) into `canvas` with the boxes of a ballot reader's
 * answer (JSON: `boxes`, each `q` its corners as shares of the picture, `s` 0 empty,
 * 1 marked, 2 left to the counter): the reading on the ballot's picture. The colours are
 * not all it says: a box left to the counter is also drawn thicker and dashed.
 */
export function showReading(canvas, frame, answer) {
  const [rgba, width, height] = frame;
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  let boxes = [];
  try { boxes = JSON.parse(answer).boxes || []; } catch (e) { boxes = []; }
  const unit = Math.max(2, Math.round(Math.max(width, height) / 300));
  for (const b of boxes) {
    const q = b.q;
    ctx.beginPath();
    ctx.moveTo(q[0] * width, q[1] * height);
    for (let i = 2; i < 8; i += 2) ctx.lineTo(q[i] * width, q[i + 1] * height);
    ctx.closePath();
    ctx.setLineDash(b.s === 2 ? [unit * 2, unit] : []);
    ctx.lineWidth = b.s === 0 ? unit : unit * 2;
    ctx.strokeStyle = b.s === 2 ? '#b35900' : b.s === 1 ? '#0a7d2c' : '#1d5fbf';
    ctx.stroke();
  }
}
