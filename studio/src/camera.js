// The camera and photos, as pixels for the QR reader (the scan module decodes them). Frames
// are scaled down to at most 800 pixels a side: enough for a code held up to the camera,
// and quick to read on a phone.

const MAX_SIDE = 800;

function pixels(source, width, height) {
  const k = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * k));
  canvas.height = Math.max(1, Math.round(height * k));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return [data.data, canvas.width, canvas.height];
}

/** Starts the back camera in `video`; rejects with the browser's reason. */
export async function startCamera(video) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new Error('camera not available');
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
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
export function videoFrame(video) {
  if (!video || !video.videoWidth) return null;
  return pixels(video, video.videoWidth, video.videoHeight);
}

/** A photo file as [rgba, width, height]; rejects when it is not an image. */
export async function imageFile(file) {
  const bitmap = await createImageBitmap(file);
  try {
    return pixels(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
