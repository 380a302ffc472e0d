//! Source positions for RON values: maps a value's path (`nodes[3].options[1].next`) to the
//! line and column where it starts, so validation errors can name `file:line:col`.
//!
//! serde and ron give positions only for syntax errors; semantic checks (a `next` naming no
//! node, a missing translation) need to point into a file that parsed fine. This walker reads
//! the same text a second time, structurally only, and records where every value begins.

use std::collections::HashMap;

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// Where each value of a RON document starts, by path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    positions: HashMap<String, Pos>,
}

impl SourceMap {
    /// Walks `src`; stops quietly at anything it cannot read (the parser reports that).
    pub fn new(src: &str) -> Self {
        let mut w = Walker {
            chars: src.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
            map: HashMap::new(),
        };
        w.skip_ws();
        w.skip_attributes();
        let _ = w.value(String::new());
        SourceMap { positions: w.map }
    }

    /// The position of `path`, or of its nearest recorded ancestor (a missing field points at
    /// the record that lacks it). Paths look like `persona.facts[2].reveal`.
    pub fn locate(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.positions.get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None => {
                    return self
                        .positions
                        .get("")
                        .copied()
                        .unwrap_or(Pos { line: 1, col: 1 });
                }
            }
        }
    }

    /// Whether `path` itself was written in the file.
    pub fn has(&self, path: &str) -> bool {
        self.positions.contains_key(path)
    }
}

struct Walker {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    map: HashMap<String, Pos>,
}

type Scan = Result<(), ()>;

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// `#![enable(...)]` lines at the top of a file.
    fn skip_attributes(&mut self) {
        while self.peek() == Some('#') {
            while let Some(c) = self.bump() {
                if c == ']' {
                    break;
                }
            }
            self.skip_ws();
        }
    }

    fn expect(&mut self, c: char) -> Scan {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(())
        }
    }

    fn value(&mut self, path: String) -> Scan {
        self.skip_ws();
        let start = self.pos();
        self.map.entry(path.clone()).or_insert(start);
        match self.peek().ok_or(())? {
            '(' => self.seq(path, ')'),
            '[' => self.seq(path, ']'),
            '{' => self.map_body(path),
            '"' => self.string().map(|_| ()),
            '\'' => {
                self.bump();
                while let Some(c) = self.bump() {
                    match c {
                        '\\' => {
                            self.bump();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
                Ok(())
            }
            'r' if matches!(self.peek_at(1), Some('"') | Some('#')) => self.raw_string(),
            c if c.is_alphabetic() || c == '_' => {
                let name = self.ident();
                self.skip_ws();
                if self.peek() == Some('(') {
                    // `Some(x)` is transparent: x lives at the same path. Any other
                    // `Name(...)` is a named struct or an enum variant with content.
                    if name == "Some" {
                        self.bump();
                        self.value(path)?;
                        self.expect(')')
                    } else {
                        self.seq(path, ')')
                    }
                } else {
                    Ok(())
                }
            }
            _ => {
                while let Some(c) = self.peek() {
                    if c.is_alphanumeric() || matches!(c, '-' | '+' | '.' | '_') {
                        self.bump();
                    } else {
                        break;
                    }
                }
                if self.pos() == start { Err(()) } else { Ok(()) }
            }
        }
    }

    fn ident(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    fn string(&mut self) -> Result<String, ()> {
        self.bump();
        let mut s = String::new();
        loop {
            match self.bump().ok_or(())? {
                '\\' => {
                    if let Some(c) = self.bump() {
                        s.push(c);
                    }
                }
                '"' => return Ok(s),
                c => s.push(c),
            }
        }
    }

    fn raw_string(&mut self) -> Scan {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.bump() != Some('"') {
            return Err(());
        }
        loop {
            if self.bump().ok_or(())? == '"' {
                let mut n = 0;
                while n < hashes && self.peek() == Some('#') {
                    self.bump();
                    n += 1;
                }
                if n == hashes {
                    return Ok(());
                }
            }
        }
    }

    /// `( … )` or `[ … ]`: named fields (`name: value`) or positional items.
    fn seq(&mut self, path: String, close: char) -> Scan {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek() == Some(close) {
                self.bump();
                return Ok(());
            }
            let field = if close == ')' {
                self.field_name()
            } else {
                None
            };
            match field {
                Some(name) => {
                    let field_path = join(&path, &name);
                    self.value(field_path)?;
                }
                None => {
                    self.value(format!("{path}[{index}]"))?;
                    index += 1;
                }
            }
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(c) if c == close => {}
                _ => return Err(()),
            }
        }
    }

    /// If the next tokens are `ident :` (and not `ident ::`), consumes them.
    fn field_name(&mut self) -> Option<String> {
        let c = self.peek()?;
        if !(c.is_alphabetic() || c == '_') {
            return None;
        }
        let mut k = 0;
        while let Some(c) = self.peek_at(k) {
            if c.is_alphanumeric() || c == '_' {
                k += 1;
            } else {
                break;
            }
        }
        let mut j = k;
        while matches!(self.peek_at(j), Some(c) if c.is_whitespace()) {
            j += 1;
        }
        if self.peek_at(j) == Some(':') {
            let name = self.ident();
            self.skip_ws();
            self.bump();
            Some(name)
        } else {
            None
        }
    }

    fn map_body(&mut self, path: String) -> Scan {
        self.bump();
        loop {
            self.skip_ws();
            if self.peek() == Some('}') {
                self.bump();
                return Ok(());
            }
            let key = if self.peek() == Some('"') {
                self.string()?
            } else {
                let before = self.i;
                self.value(format!("{path}{{key}}"))?;
                self.chars[before..self.i].iter().collect()
            };
            self.expect(':')?;
            self.value(format!("{path}{{{key}}}"))?;
            self.skip_ws();
            if self.peek() == Some(',') {
                self.bump();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_list_items() {
        let src = "Scenario(\n  id: \"x\",\n  nodes: [\n    (id: \"a\", next: \"b\"),\n    (id: \"b\", say: Some((nl: \"hoi\", en: \"\"))),\n  ],\n)";
        let map = SourceMap::new(src);
        assert_eq!(map.locate("id"), Pos { line: 2, col: 7 });
        assert_eq!(map.locate("nodes[0].next"), Pos { line: 4, col: 21 });
        assert_eq!(map.locate("nodes[1]"), Pos { line: 5, col: 5 });
        assert_eq!(map.locate("nodes[1].say.en"), Pos { line: 5, col: 41 });
    }

    #[test]
    fn missing_path_falls_back_to_nearest_ancestor() {
        let src = "(a: (b: 1))";
        let map = SourceMap::new(src);
        assert_eq!(map.locate("a.c[3].d"), Pos { line: 1, col: 5 });
        assert!(!map.has("a.c"));
    }

    #[test]
    fn skips_comments_strings_and_attributes() {
        let src = "#![enable(implicit_some)]\n// (x: 1)\n(/* a: [ */ a: \"(:\\\"]\", b: r#\"x\"y\"#, c: 'c', d: 1.5e3)";
        let map = SourceMap::new(src);
        assert_eq!(map.locate("b"), Pos { line: 3, col: 28 });
        assert_eq!(map.locate("d"), Pos { line: 3, col: 49 });
    }
}
