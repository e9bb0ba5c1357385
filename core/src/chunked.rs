//! A list that grows at its end and is copied often: a count's log. The app's reducer never
//! changes a state in place (the screen still holds the one before), so each stored step
//! copies the count; on a plain `Vec` that is every ballot of the count, each time.
//!
//! Here full chunks of [`CHUNK`] items are shared between copies (`Rc`), and only the last,
//! partly filled one is copied: a copy costs about `len / CHUNK` pointers and at most
//! `CHUNK` items, whatever the count's size. Changing an item in a shared chunk copies that
//! chunk alone (`Rc::make_mut`).
//!
//! Invariant: every chunk in `full` holds exactly `CHUNK` items, and `tail` fewer; so the
//! item at `i` is in chunk `i / CHUNK`, at `i % CHUNK`, and two lists of the same items in
//! the same order are equal field by field.

use std::rc::Rc;

/// Items per shared chunk.
pub const CHUNK: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunked<T> {
    full: Vec<Rc<Vec<T>>>,
    tail: Vec<T>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            full: Vec::new(),
            tail: Vec::new(),
        }
    }
}

impl<T: Clone> Chunked<T> {
    pub fn len(&self) -> usize {
        self.full.len() * CHUNK + self.tail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.full.is_empty() && self.tail.is_empty()
    }

    pub fn push(&mut self, item: T) {
        self.tail.push(item);
        if self.tail.len() == CHUNK {
            let full = std::mem::replace(&mut self.tail, Vec::with_capacity(CHUNK));
            self.full.push(Rc::new(full));
        }
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        let (chunk, at) = (i / CHUNK, i % CHUNK);
        match self.full.get(chunk) {
            Some(c) => c.get(at),
            None if chunk == self.full.len() => self.tail.get(at),
            None => None,
        }
    }

    /// The item at `i`, to change: its chunk is copied first if another list shares it.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        let (chunk, at) = (i / CHUNK, i % CHUNK);
        let tail = chunk == self.full.len();
        match self.full.get_mut(chunk) {
            Some(c) => Rc::make_mut(c).get_mut(at),
            None if tail => self.tail.get_mut(at),
            None => None,
        }
    }

    /// In order; `.rev()` from the end.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            list: self,
            front: 0,
            back: self.len(),
        }
    }
}

/// The items of a [`Chunked`] by index: a few instructions per item, and much less code in
/// the wasm than chaining the chunks' own iterators.
pub struct Iter<'a, T> {
    list: &'a Chunked<T>,
    front: usize,
    back: usize,
}

impl<'a, T: Clone> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        self.list.get(self.front - 1)
    }
}

impl<'a, T: Clone> DoubleEndedIterator for Iter<'a, T> {
    fn next_back(&mut self) -> Option<&'a T> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.list.get(self.back)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_the_full_chunks_and_a_change_copies_only_its_chunk() {
        let mut a: Chunked<u32> = Chunked::default();
        let n = 2 * CHUNK + 5;
        for i in 0..n {
            a.push(u32::try_from(i).expect("small"));
        }
        assert_eq!(a.len(), n);
        assert!(a.iter().copied().eq(0..u32::try_from(n).expect("small")));
        assert!(a
            .iter()
            .rev()
            .copied()
            .eq((0..u32::try_from(n).expect("small")).rev()));
        assert_eq!(a.get(CHUNK), Some(&u32::try_from(CHUNK).expect("small")));
        assert_eq!(a.get(n), None);
        let mut b = a.clone();
        assert!(Rc::ptr_eq(&a.full[0], &b.full[0]));
        *b.get_mut(1).expect("there") = 99;
        // The copy changed, the original not; the other chunk still shared.
        assert_eq!((a.get(1), b.get(1)), (Some(&1), Some(&99)));
        assert!(!Rc::ptr_eq(&a.full[0], &b.full[0]));
        assert!(Rc::ptr_eq(&a.full[1], &b.full[1]));
        *b.get_mut(n - 1).expect("the tail") = 7;
        assert_eq!(a.get(n - 1), Some(&u32::try_from(n - 1).expect("small")));
        assert_eq!(b.get_mut(n), None);
        // Equal items in equal order: equal lists.
        let mut c = a.clone();
        c.push(1);
        a.push(1);
        assert_eq!(a, c);
    }
}
