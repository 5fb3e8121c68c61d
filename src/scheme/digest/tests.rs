use super::*;
use crate::Challenges;

fn challenge(v: &str) -> Result<DigestChallenge<'_>, SchemeError> {
    DigestChallenge::try_from(&Challenges::new(v).next().unwrap().unwrap())
}

#[test]
fn placeholder_compiles() {
    assert!(challenge("Digest realm=a, nonce=b").is_ok());
}
