//! Replay protection: which nonce counts a server has accepted.

use std::collections::HashMap;
use std::string::String;
use std::sync::{Mutex, PoisonError};

/// Where a [`DigestServer`](super::DigestServer) records the nonce counts
/// it accepted, so that no request is accepted twice.
///
/// The server calls [`record`](Self::record) only after a request has
/// fully verified (nonce MAC, response, age), so a forged or replayed
/// request never changes the state and cannot lock out the real client.
/// Implementations take `&self` so one store can serve concurrent requests
/// (use a lock or an atomic check-and-set: two calls with the same nonce
/// and count must not both return `true`).
///
/// ```
/// use http_auth_headers::scheme::digest::{MemoryNonceStore, NonceStore};
///
/// let store = MemoryNonceStore::new();
/// assert!(store.record("n", 1, 100, 0));
/// assert!(!store.record("n", 1, 100, 0), "a replay");
/// ```
pub trait NonceStore {
    /// Records that `nc` was used with `nonce`, and returns `true`; returns
    /// `false`, and changes nothing, when that count was accepted before
    /// (or can no longer be told apart from one that was). The nonce is
    /// worthless after `expires_at` (seconds, the clock of `now`), so its
    /// entry may be dropped then.
    fn record(&self, nonce: &str, nc: u32, expires_at: u64, now: u64) -> bool;
}

impl<S: NonceStore + ?Sized> NonceStore for &S {
    fn record(&self, nonce: &str, nc: u32, expires_at: u64, now: u64) -> bool {
        (**self).record(nonce, nc, expires_at, now)
    }
}

impl<S: NonceStore + ?Sized> NonceStore for std::sync::Arc<S> {
    fn record(&self, nonce: &str, nc: u32, expires_at: u64, now: u64) -> bool {
        (**self).record(nonce, nc, expires_at, now)
    }
}

/// The counts seen for one nonce: the highest, and a bit for each of the
/// `window` counts below it.
#[derive(Clone, Copy, Debug)]
struct Window {
    highest: u32,
    /// Bit `i` set: count `highest - i` was accepted.
    seen: u128,
    expires_at: u64,
}

/// An in-memory [`NonceStore`] with a sliding window per nonce: counts may
/// arrive out of order (browsers send them so) as long as they are within
/// `window` of the highest seen, and each is accepted once. A count older
/// than the window is refused, since it cannot be told apart from a replay.
///
/// Entries are dropped once their nonce has expired. Only requests that
/// verified create entries, so the map grows with real use only.
///
/// ```
/// use http_auth_headers::scheme::digest::{MemoryNonceStore, NonceStore};
///
/// let store = MemoryNonceStore::with_window(4);
/// assert!(store.record("n", 3, 100, 0));
/// assert!(store.record("n", 1, 100, 0), "out of order, within the window");
/// assert!(store.record("n", 2, 100, 0));
/// assert!(!store.record("n", 2, 100, 0));
/// assert!(store.record("n", 9, 100, 0));
/// assert!(!store.record("n", 4, 100, 0), "older than the window");
/// ```
#[derive(Debug)]
pub struct MemoryNonceStore {
    window: u32,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    nonces: HashMap<String, Window>,
    /// The earliest expiry among the entries: prune once it has passed (at
    /// most once per second of the clock).
    earliest_expiry: u64,
}

impl Default for MemoryNonceStore {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryNonceStore {
    /// The largest window: 128 counts.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{MemoryNonceStore, NonceStore};
    ///
    /// let store = MemoryNonceStore::with_window(1000); // clamped
    /// assert!(store.record("n", 200, 9, 0));
    /// assert!(store.record("n", 200 - MemoryNonceStore::MAX_WINDOW + 1, 9, 0));
    /// assert!(!store.record("n", 200 - MemoryNonceStore::MAX_WINDOW, 9, 0));
    /// ```
    pub const MAX_WINDOW: u32 = 128;

    /// A store with a window of 64 counts.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::MemoryNonceStore;
    ///
    /// assert!(MemoryNonceStore::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::with_window(64)
    }

    /// A store accepting counts up to `window` below the highest seen
    /// (clamped to 1..=[`MAX_WINDOW`](Self::MAX_WINDOW)); 1 means strictly
    /// increasing.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{MemoryNonceStore, NonceStore};
    ///
    /// let strict = MemoryNonceStore::with_window(1);
    /// assert!(strict.record("n", 2, 100, 0));
    /// assert!(!strict.record("n", 1, 100, 0));
    /// ```
    pub fn with_window(window: u32) -> Self {
        MemoryNonceStore {
            window: window.clamp(1, Self::MAX_WINDOW),
            state: Mutex::new(State {
                nonces: HashMap::new(),
                earliest_expiry: u64::MAX,
            }),
        }
    }

    /// How many nonces have entries.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{MemoryNonceStore, NonceStore};
    ///
    /// let store = MemoryNonceStore::new();
    /// store.record("n", 1, 100, 0);
    /// assert_eq!(store.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.lock().nonces.len()
    }

    /// Whether no nonce has an entry.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::MemoryNonceStore;
    ///
    /// assert!(MemoryNonceStore::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves a consistent map.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl NonceStore for MemoryNonceStore {
    fn record(&self, nonce: &str, nc: u32, expires_at: u64, now: u64) -> bool {
        if nc == 0 {
            return false;
        }
        let mut state = self.lock();
        if let Some(w) = state.nonces.get_mut(nonce) {
            if w.expires_at < now {
                return false;
            }
            if nc > w.highest {
                let shift = nc - w.highest;
                w.seen = if shift >= 128 { 0 } else { w.seen << shift };
                w.seen |= 1;
                w.highest = nc;
                return true;
            }
            let back = w.highest - nc;
            if back >= self.window {
                return false;
            }
            let bit = 1u128 << back;
            if w.seen & bit != 0 {
                return false;
            }
            w.seen |= bit;
            return true;
        }
        if now > state.earliest_expiry {
            state.nonces.retain(|_, w| w.expires_at >= now);
            state.earliest_expiry = state
                .nonces
                .values()
                .map(|w| w.expires_at)
                .min()
                .unwrap_or(u64::MAX);
        }
        state.earliest_expiry = state.earliest_expiry.min(expires_at);
        state.nonces.insert(
            String::from(nonce),
            Window {
                highest: nc,
                seen: 1,
                expires_at,
            },
        );
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_jump_forgets_the_old_window() {
        let s = MemoryNonceStore::new();
        assert!(s.record("n", 1, 10, 0));
        assert!(s.record("n", 1000, 10, 0));
        assert!(!s.record("n", 1, 10, 0));
        assert!(s.record("n", 999, 10, 0));
        assert!(!s.record("n", 999, 10, 0));
        assert!(!s.record("n", 0, 10, 0));
    }

    #[test]
    fn expired_entries_are_pruned() {
        let s = MemoryNonceStore::new();
        for i in 0..200 {
            assert!(s.record(&i.to_string(), 1, 10, 0));
        }
        assert!(s.record("late", 1, 100, 50));
        assert_eq!(s.len(), 1);
        assert!(!s.record("late", 1, 100, 50));
    }
}
