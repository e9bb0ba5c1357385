//! A grey image (one byte a pixel, 0 black, 255 white), as a camera frame or a photo gives
//! it once converted, and what the reader asks of it.

/// Row-major grey pixels.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Gray {
    /// `None` unless `pixels` holds exactly `width × height` values.
    pub fn new(width: usize, height: usize, pixels: Vec<u8>) -> Option<Gray> {
        (width.checked_mul(height) == Some(pixels.len()) && width > 0 && height > 0).then_some(
            Gray {
                width,
                height,
                pixels,
            },
        )
    }

    /// From RGBA bytes (a canvas's `ImageData`), by luma.
    pub fn from_rgba(width: usize, height: usize, rgba: &[u8]) -> Option<Gray> {
        if width.checked_mul(height)?.checked_mul(4)? != rgba.len() {
            return None;
        }
        let pixels = rgba
            .chunks_exact(4)
            .map(|p| {
                let y = 299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]);
                (y / 1000) as u8
            })
            .collect();
        Gray::new(width, height, pixels)
    }

    pub fn get(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// Bilinear value at `(x, y)`; white outside the image (and for a point that is not
    /// a number: a map made from a degenerate photo may give one).
    pub fn sample(&self, x: f64, y: f64) -> f64 {
        let inside =
            x >= 0.0 && y >= 0.0 && x < (self.width - 1) as f64 && y < (self.height - 1) as f64;
        if !inside {
            return 255.0;
        }
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (fx, fy) = (x - x0 as f64, y - y0 as f64);
        let p = |dx: usize, dy: usize| f64::from(self.get(x0 + dx, y0 + dy));
        let top = p(0, 0) * (1.0 - fx) + p(1, 0) * fx;
        let bottom = p(0, 1) * (1.0 - fx) + p(1, 1) * fx;
        top * (1.0 - fy) + bottom * fy
    }

    /// This image `factor` times smaller on each side (each pixel the mean of its block).
    pub fn shrink(&self, factor: usize) -> Gray {
        let f = factor.max(1);
        let (w, h) = ((self.width / f).max(1), (self.height / f).max(1));
        let mut pixels = Vec::with_capacity(w * h);
        for y in 0..h {
            for x in 0..w {
                let mut sum = 0u32;
                let mut n = 0u32;
                for yy in y * f..((y + 1) * f).min(self.height) {
                    for xx in x * f..((x + 1) * f).min(self.width) {
                        sum += u32::from(self.get(xx, yy));
                        n += 1;
                    }
                }
                pixels.push((sum / n.max(1)) as u8);
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }

    /// Dark pixels against their neighbourhood (a square of `window` pixels): a pixel is
    /// dark when it is below `1 − k` of the local mean, so uneven light and shadows do not
    /// turn paper into ink.
    pub fn dark_mask(&self, window: usize, k: f64) -> Vec<bool> {
        let (w, h) = (self.width, self.height);
        // Summed-area table, one row and column of zeros in front.
        let mut sat = vec![0u64; (w + 1) * (h + 1)];
        for y in 0..h {
            let mut row = 0u64;
            for x in 0..w {
                row += u64::from(self.get(x, y));
                sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
            }
        }
        let r = window / 2;
        let mut mask = vec![false; w * h];
        for y in 0..h {
            let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
            for x in 0..w {
                let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
                let n = ((x1 - x0) * (y1 - y0)) as f64;
                let s = sat[y1 * (w + 1) + x1] + sat[y0 * (w + 1) + x0]
                    - sat[y0 * (w + 1) + x1]
                    - sat[y1 * (w + 1) + x0];
                mask[y * w + x] = f64::from(self.get(x, y)) * n < s as f64 * (1.0 - k);
            }
        }
        mask
    }
}

impl Gray {
    /// As an 8-bit grey BMP file: what the counter is shown of a box or a written name
    /// (an `<img>` shows it; no encoder needed, and the file is small at these sizes).
    pub fn bmp(&self) -> Vec<u8> {
        let row = self.width.div_ceil(4) * 4;
        let offset = 14 + 40 + 256 * 4;
        let size = offset + row * self.height;
        let mut out = Vec::with_capacity(size);
        let u32le = |out: &mut Vec<u8>, v: usize| {
            out.extend_from_slice(&u32::try_from(v).unwrap_or(u32::MAX).to_le_bytes())
        };
        out.extend_from_slice(b"BM");
        u32le(&mut out, size);
        u32le(&mut out, 0);
        u32le(&mut out, offset);
        u32le(&mut out, 40);
        u32le(&mut out, self.width);
        u32le(&mut out, self.height);
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&8u16.to_le_bytes());
        for v in [0, row * self.height, 2835, 2835, 256, 0] {
            u32le(&mut out, v);
        }
        for g in 0..=255u8 {
            out.extend_from_slice(&[g, g, g, 0]);
        }
        // Bottom row first.
        for y in (0..self.height).rev() {
            out.extend_from_slice(&self.pixels[y * self.width..(y + 1) * self.width]);
            out.resize(out.len() + row - self.width, 0);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bmp_holds_the_pixels_bottom_row_first_rows_padded_to_four() {
        let g = Gray::new(3, 2, vec![1, 2, 3, 4, 5, 6]).expect("an image");
        let b = g.bmp();
        assert_eq!(&b[..2], b"BM");
        assert_eq!(b.len(), 14 + 40 + 1024 + 8);
        assert_eq!(
            u32::from_le_bytes([b[2], b[3], b[4], b[5]]) as usize,
            b.len()
        );
        assert_eq!(&b[1078..], &[4, 5, 6, 0, 1, 2, 3, 0]);
    }

    #[test]
    fn a_sample_anywhere_is_a_value_never_a_panic() {
        let img = Gray::new(3, 2, vec![0, 100, 200, 50, 150, 250]).expect("3 × 2");
        assert_eq!(img.sample(0.0, 0.0), 0.0);
        assert_eq!(img.sample(0.5, 0.0), 50.0);
        for (x, y) in [
            (f64::NAN, 0.0),
            (0.0, f64::INFINITY),
            (1e300, 1e300),
            (-1e300, 0.5),
            (2.0, 0.0),
            (0.0, 1.0),
        ] {
            assert_eq!(img.sample(x, y), 255.0, "({x}, {y})");
        }
        assert_eq!(Gray::new(2, 2, vec![0; 3]), None);
        assert_eq!(Gray::new(0, 0, Vec::new()), None);
        assert_eq!(Gray::from_rgba(1, 1, &[255, 255, 255]), None);
    }
}
