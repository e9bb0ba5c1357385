//! The code track printed between the two top markers: which template and which layout a
//! sheet is, and nothing else (every ballot of a template carries the same code).
//!
//! 54 square cells, filled for 1: `1 0` (a start the reader checks), the template's
//! fingerprint (40 bits: its 8 Crockford base32 characters, 5 bits each), whether it is a
//! test deck's sheet (1 bit), the layout version (3 bits), then a CRC-8 of those 44 bits, so
//! a sheet read the wrong way round or through a smudge is refused rather than taken for
//! another template.

/// Cells on the track.
pub const BITS: usize = 54;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The sheet's identity as the code track carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCode {
    /// As [`crate::fingerprint`] writes it, `7KQ2-M9XD`.
    pub fingerprint: String,
    pub version: u8,
    /// A test deck's sheet (测试票): read only by a count in 测试模式.
    pub test: bool,
}

/// CRC-8 (polynomial 0x07) over bits, most significant first.
fn crc8(bits: &[bool]) -> u8 {
    let mut crc = 0u8;
    for &b in bits {
        let top = (crc >> 7) & 1 == 1;
        crc <<= 1;
        if top != b {
            crc ^= 0x07;
        }
    }
    crc
}

fn push(bits: &mut Vec<bool>, value: u64, width: u32) {
    for i in (0..width).rev() {
        bits.push((value >> i) & 1 == 1);
    }
}

fn value(bits: &[bool]) -> u64 {
    bits.iter().fold(0, |v, &b| (v << 1) | u64::from(b))
}

/// The cells of the track, in order from the top-left marker to the top-right one; `None`
/// when the fingerprint is not one or the version does not fit 3 bits.
pub fn encode(code: &SheetCode) -> Option<Vec<bool>> {
    if !crate::fingerprint::is_fingerprint(&code.fingerprint) || code.version > 7 {
        return None;
    }
    let mut fp = 0u64;
    for c in code.fingerprint.bytes().filter(|&c| c != b'-') {
        let v = ALPHABET.iter().position(|&a| a == c)?;
        fp = (fp << 5) | v as u64;
    }
    let mut bits = vec![true, false];
    push(&mut bits, fp, 40);
    bits.push(code.test);
    push(&mut bits, u64::from(code.version), 3);
    let crc = crc8(&bits[2..]);
    push(&mut bits, u64::from(crc), 8);
    Some(bits)
}

/// Reads the cells back; `None` unless the start and the CRC hold.
pub fn decode(bits: &[bool]) -> Option<SheetCode> {
    if bits.len() != BITS || bits[..2] != [true, false] {
        return None;
    }
    if crc8(&bits[2..46]) != value(&bits[46..]) as u8 {
        return None;
    }
    let fp = value(&bits[2..42]);
    let mut fingerprint = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            fingerprint.push('-');
        }
        let v = (fp >> (35 - 5 * i)) & 31;
        fingerprint.push(char::from(ALPHABET[v as usize]));
    }
    Some(SheetCode {
        fingerprint,
        test: bits[42],
        version: value(&bits[43..46]) as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_and_any_single_changed_cell_is_refused() {
        let code = SheetCode {
            fingerprint: "7KQ2-M9XD".into(),
            version: 1,
            test: false,
        };
        let bits = encode(&code).expect("a fingerprint");
        assert_eq!(bits.len(), BITS);
        assert_eq!(decode(&bits), Some(code.clone()));
        // A test deck's sheet: one cell apart, and told apart.
        let test = SheetCode {
            test: true,
            ..code.clone()
        };
        let test_bits = encode(&test).expect("a fingerprint");
        assert_eq!(decode(&test_bits), Some(test));
        assert_ne!(test_bits, bits);
        for i in 0..BITS {
            let mut changed = bits.clone();
            changed[i] = !changed[i];
            assert_eq!(decode(&changed), None, "cell {i}");
        }
        // Read from the other end (the sheet upside down): refused.
        let mut reversed = bits.clone();
        reversed.reverse();
        assert_eq!(decode(&reversed), None);
        assert_eq!(
            encode(&SheetCode {
                fingerprint: "not one".into(),
                version: 1,
                test: false,
            }),
            None
        );
    }
}
