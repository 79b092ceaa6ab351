"""PDF reader on pdfplumber: words with positions, grouped into lines by baseline."""

from __future__ import annotations

from pathlib import Path

from extract.documents import Document, DocumentError, Line, Word, sha256_of

# Words whose tops differ by less than this share of the font size sit on one line.
BASELINE_TOLERANCE = 0.5


def group_words_into_lines(words: list[Word]) -> list[list[Word]]:
    """Rows by baseline: sort by top, start a new row when the top jumps."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if rows:
            last = rows[-1]
            reference = last[0]
            tolerance = max(reference.bottom - reference.top, 1.0) * BASELINE_TOLERANCE
            if abs(word.top - reference.top) <= tolerance:
                last.append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def read_pdf(path: Path) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordMissing
    from pdfminer.pdfparser import PDFSyntaxError

    lines: list[Line] = []
    widths: dict[int, float] = {}
    try:
        with pdfplumber.open(path) as pdf:
            for page_number, page in enumerate(pdf.pages, start=1):
                widths[page_number] = float(page.width)
                words = [
                    Word(
                        text=w["text"],
                        x0=float(w["x0"]),
                        x1=float(w["x1"]),
                        top=float(w["top"]),
                        bottom=float(w["bottom"]),
                        fontname=w.get("fontname", ""),
                        size=float(w.get("size", 0.0)),
                    )
                    for w in page.extract_words(
                        keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
                    )
                ]
                for row in group_words_into_lines(words):
                    lines.append(
                        Line(
                            number=len(lines) + 1,
                            text=" ".join(word.text for word in row),
                            page=page_number,
                            words=tuple(row),
                        )
                    )
                page.close()  # pdfplumber caches layout per page; free it as we go
    except PDFPasswordMissing as error:
        raise DocumentError(f"{path.name}: encrypted PDF, cannot be read without its password") from error
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(f"{path.name}: damaged or truncated PDF ({error})") from error
    if widths and not lines:
        raise DocumentError(f"{path.name}: PDF has no text layer (a scan?); it needs OCR first")
    return Document(path=path, sha256=sha256_of(path), format="pdf", lines=lines, page_widths=widths)
