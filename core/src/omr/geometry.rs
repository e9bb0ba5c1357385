//! The projective map (homography) from the sheet's millimetres to a photo's pixels, made
//! from four points: a phone held at an angle sees the rectangle of the sheet as any
//! four-sided figure.

/// `(x, y) ↦ ((a x + b y + c) / (g x + h y + 1), (d x + e y + f) / (g x + h y + 1))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Homography([f64; 8]);

impl Homography {
    /// The map taking each `from[i]` to `to[i]`; `None` when three points are in a line.
    pub fn from_points(from: [(f64, f64); 4], to: [(f64, f64); 4]) -> Option<Homography> {
        // Eight equations in eight unknowns, solved by Gaussian elimination with pivoting.
        let mut m = [[0.0f64; 9]; 8];
        for i in 0..4 {
            let ((x, y), (u, v)) = (from[i], to[i]);
            m[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            m[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        for col in 0..8 {
            let pivot = (col..8).max_by(|&a, &b| m[a][col].abs().total_cmp(&m[b][col].abs()))?;
            if m[pivot][col].abs() < 1e-9 {
                return None;
            }
            m.swap(col, pivot);
            let pivot_row = m[col];
            for (row, r) in m.iter_mut().enumerate() {
                if row != col {
                    let f = r[col] / pivot_row[col];
                    for (v, p) in r.iter_mut().zip(pivot_row).skip(col) {
                        *v -= f * p;
                    }
                }
            }
        }
        let mut h = [0.0; 8];
        for i in 0..8 {
            h[i] = m[i][8] / m[i][i];
        }
        h.iter().all(|v| v.is_finite()).then_some(Homography(h))
    }

    pub fn map(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let h = &self.0;
        let w = h[6] * x + h[7] * y + 1.0;
        (
            (h[0] * x + h[1] * y + h[2]) / w,
            (h[3] * x + h[4] * y + h[5]) / w,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_points_go_where_they_are_sent_and_the_middle_follows_the_perspective() {
        let from = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let to = [
            (100.0, 100.0),
            (300.0, 120.0),
            (280.0, 330.0),
            (90.0, 300.0),
        ];
        let h = Homography::from_points(from, to).expect("a quadrilateral");
        for (a, b) in from.iter().zip(&to) {
            let (x, y) = h.map(*a);
            assert!((x - b.0).abs() < 1e-6 && (y - b.1).abs() < 1e-6);
        }
        let line = [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (0.0, 5.0)];
        assert_eq!(Homography::from_points(line, to), None);
    }
}
