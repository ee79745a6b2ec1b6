//! WinAnsi (Windows-1252) text, the encoding of the PDF standard fonts: Unicode in for writing, and the
//! page's text back out for tests and checks. It covers Dutch (ë, ï, é, the ĳ written as "ij") and the
//! other Western European languages; a character outside it is written as "?".

/// The characters of 0x80..0x9F, where Windows-1252 differs from Latin-1.
const HIGH: [(u8, char); 27] = [
    (0x80, '€'), (0x82, '‚'), (0x83, 'ƒ'), (0x84, '„'), (0x85, '…'), (0x86, '†'), (0x87, '‡'), (0x88, 'ˆ'),
    (0x89, '‰'), (0x8a, 'Š'), (0x8b, '‹'), (0x8c, 'Œ'), (0x8e, 'Ž'), (0x91, '‘'), (0x92, '’'), (0x93, '“'),
    (0x94, '”'), (0x95, '•'), (0x96, '–'), (0x97, '—'), (0x98, '˜'), (0x99, '™'), (0x9a, 'š'), (0x9b, '›'),
    (0x9c, 'œ'), (0x9e, 'ž'), (0x9f, 'Ÿ'),
];

/// Unicode to WinAnsi bytes.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0x20..=0x7e | 0xa0..=0xff => out.push(c as u32 as u8),
            _ => match c {
                'ĳ' => out.extend_from_slice(b"ij"),
                'Ĳ' => out.extend_from_slice(b"IJ"),
                _ => out.push(HIGH.iter().find(|(_, h)| *h == c).map_or(b'?', |(b, _)| *b)),
            },
        }
    }
    out
}

/// WinAnsi bytes to Unicode.
pub fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| HIGH.iter().find(|(h, _)| *h == b).map_or(b as char, |(_, c)| *c)).collect()
}

/// The strings shown on the page, in order: the operands of the content stream's `Tj` operators,
/// decoded from WinAnsi. Lets tests (and anyone checking a file) read the numbers without a PDF library.
pub fn shown_text(pdf: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pdf.len() {
        let (bytes, end) = match pdf[i] {
            b'(' => {
                let (mut depth, mut j, mut bytes) = (1, i + 1, Vec::new());
                while j < pdf.len() && depth > 0 {
                    match pdf[j] {
                        b'\\' if j + 1 < pdf.len() => {
                            j += 1;
                            bytes.push(match pdf[j] {
                                b'n' => b'\n',
                                b'r' => b'\r',
                                b't' => b'\t',
                                other => other,
                            });
                        }
                        b'(' => {
                            depth += 1;
                            bytes.push(b'(');
                        }
                        b')' => {
                            depth -= 1;
                            if depth > 0 {
                                bytes.push(b')');
                            }
                        }
                        other => bytes.push(other),
                    }
                    j += 1;
                }
                (bytes, j)
            }
            b'<' if pdf.get(i + 1) != Some(&b'<') => {
                let end = pdf[i..].iter().position(|&b| b == b'>').map_or(pdf.len(), |p| i + p);
                let hex: Vec<u8> = pdf[i + 1..end].iter().copied().filter(u8::is_ascii_hexdigit).collect();
                let bytes = hex.chunks(2).filter_map(|c| u8::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok()).collect();
                (bytes, end + 1)
            }
            b'<' => {
                i += 2;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        if pdf.get(end..end + 3) == Some(b" Tj") {
            out.push(decode(&bytes));
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_writer::{Content, Name, Str};

    #[test]
    fn dutch_and_western_letters_are_encoded_for_the_standard_fonts() {
        assert_eq!(encode("Zoë café – €5"), b"Zo\xeb caf\xe9 \x96 \x805".to_vec());
        assert_eq!(encode("Łódź"), b"?\xf3d?".to_vec());
    }

    #[test]
    fn shown_text_reads_back_what_was_written() {
        let mut c = Content::new();
        for text in ["Daily streak: 6 days (best 9)", "Zoë (laatst gisteren) – 3", "a) b( \\ c"] {
            c.begin_text();
            c.set_font(Name(b"F1"), 10.0);
            c.show(Str(&encode(text)));
            c.end_text();
        }
        let pdf = c.finish().to_vec();
        assert_eq!(shown_text(&pdf), ["Daily streak: 6 days (best 9)", "Zoë (laatst gisteren) – 3", "a) b( \\ c"]);
    }

    #[test]
    fn every_windows_1252_letter_goes_both_ways() {
        let text = "Šťastná Œuvre „Zoë” ĳsje – 5 € ™ žž Ÿ";
        assert_eq!(decode(&encode(text)), "Š?astná Œuvre „Zoë” ijsje – 5 € ™ žž Ÿ");
    }
}
