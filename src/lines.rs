//! The field lines of one field, walked as one list (RFC 9110 section 5.3).

use core::fmt;

use crate::error::{Error, ErrorKind};
use crate::syntax;

/// A cursor over the field lines of one list field: the current line, the
/// unparsed rest of it (empty elements skipped), and the line index.
#[derive(Clone)]
pub(crate) struct FieldLines<'a, I> {
    lines: I,
    pub(crate) line: &'a [u8],
    pub(crate) rest: &'a [u8],
    line_no: usize,
    started: bool,
    done: bool,
    /// Elements yielded so far, across lines.
    count: usize,
}

impl<'a, I, T> FieldLines<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    pub(crate) fn new(lines: I) -> Self {
        FieldLines {
            lines,
            line: &[],
            rest: &[],
            line_no: 0,
            started: false,
            done: false,
            count: 0,
        }
    }

    /// Moves to the next list element, across lines; `false` at the end of
    /// the field or after an error.
    pub(crate) fn next_element(&mut self) -> bool {
        if self.done {
            return false;
        }
        while self.rest.is_empty() {
            let Some(line) = self.lines.next() else {
                self.done = true;
                return false;
            };
            if self.started {
                self.line_no += 1;
            }
            self.started = true;
            self.line = line.as_ref();
            self.rest = syntax::skip_empty_elements(self.line);
        }
        true
    }

    /// Parses the next list element with `parse`, across lines: `None` at the
    /// end of the field; an error (which ends the walk) when `parse` fails or
    /// the element would be one more than `max`.
    pub(crate) fn next_with<O>(
        &mut self,
        max: usize,
        too_many: ErrorKind,
        parse: impl FnOnce(&'a [u8]) -> syntax::PResult<'a, O>,
    ) -> Option<Result<O, Error>> {
        if !self.next_element() {
            return None;
        }
        if self.count >= max {
            let err = Error::new(too_many, self.offset(), self.rest.first().copied());
            return Some(Err(self.fail(err)));
        }
        Some(match parse(self.rest) {
            Ok((rest, out)) => {
                self.rest = rest;
                self.count += 1;
                Ok(out)
            }
            Err(e) => Err(self.fail_nom(e)),
        })
    }

    /// Ends the walk with `err`, located on the current line.
    pub(crate) fn fail(&mut self, err: Error) -> Error {
        self.done = true;
        err.at_line(self.line_no)
    }

    /// Ends the walk with a nom error, located on the current line.
    pub(crate) fn fail_nom(&mut self, err: nom::Err<syntax::PErr<'_>>) -> Error {
        let err = syntax::to_error(self.line, err);
        self.fail(err)
    }

    /// The offset of the next element in its line.
    pub(crate) fn offset(&self) -> usize {
        self.line.len() - self.rest.len()
    }
}

impl<I> fmt::Debug for FieldLines<'_, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldLines")
            .field("line", &self.line_no)
            .field("offset", &(self.line.len() - self.rest.len()))
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}
