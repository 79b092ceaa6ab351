"""PDF reader: words with positions, grouped into lines by baseline.

Pages are read with pypdfium2 (PDFium, which pdfplumber installs): it gives the
text and every character's box about twenty times faster than pdfminer's layout
analysis, and tables need no more than words, their boxes, fonts and baselines.
Each page is parsed once and closed before the next is opened. Columns and
cells are read from these words by `extract.tables`, never here.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

from extract.readers.document import Document, DocumentError, Line, Word, sha256_of

# Words whose baselines differ by less than this share of the font size sit on one line.
BASELINE_TOLERANCE = 0.35
# A gap wider than this share of the font size ends a word even without a space
# (some producers position each word without writing the space between them).
WORD_GAP = 0.25
# A footnote marker ('Man-years¹') is set in a font at most this share of its
# word's size, its baseline raised by at least this share of the word's size.
SUPERSCRIPT_SIZE = 0.9
SUPERSCRIPT_RISE = 0.15

# PDFium reports a hyphen that ends a line as U+0002 (it takes it for a soft
# hyphen); the document printed a hyphen ('Ergo-' / 'therapists').
_PDFIUM_LINE_END_HYPHEN = "\x02"
_WHITESPACE = {" ", "\t", "\r", "\n", "\u00a0", "\u202f", "\u2009", "\u2007", "\u200b", "\ufffe", "\x00"}


def group_words_into_lines(words: list[Word]) -> list[list[Word]]:
    """Rows by baseline: sort by baseline, start a new row when it jumps.

    A footnote marker set apart from its word ('¹ Definisjoner') is printed
    smaller and raised: it joins the line whose letters it stands beside instead
    of making a line of its own above it.
    """
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if rows:
            reference = rows[-1][0]
            tolerance = max(reference.em, 1.0) * BASELINE_TOLERANCE
            if abs(word.bottom - reference.bottom) <= tolerance:
                rows[-1].append(word)
                continue
        rows.append([word])
    for index in range(len(rows) - 1):
        below = rows[index + 1]
        markers = [word for word in rows[index] if _is_superscript_of(word, below)]
        if markers:
            rows[index] = [word for word in rows[index] if word not in markers]
            below.extend(markers)
    return [sorted(row, key=lambda w: w.x0) for row in rows if row]


def _is_superscript_of(word: Word, line: list[Word]) -> bool:
    """`word` is a marker raised beside the words of `line`: clearly smaller, its
    baseline inside their letters' height, and next to one of them."""
    for other in line:
        size = other.em
        if (
            word.em < size * SUPERSCRIPT_SIZE
            and other.top <= word.bottom <= other.bottom - size * SUPERSCRIPT_RISE
            and word.x0 - size * 2 <= other.x1 and other.x0 <= word.x1 + size * 2
        ):
            return True
    return False


def _font_name(textpage, index: int, buffer) -> str:
    import pypdfium2.raw as pdfium_c

    flags = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace")
    # Subset fonts are named 'ABCDEF+Family-Bold'.
    return name.split("+", 1)[-1]


def page_words(textpage, page_height: float) -> list[Word]:
    """The words of one page, from PDFium's characters (origin top-left, in points)."""
    import pypdfium2.raw as pdfium_c

    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    rect = pdfium_c.FS_RECTF()
    font_buffer = ctypes.create_string_buffer(128)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    words: list[Word] = []
    chars: list[str] = []
    x0 = x1 = baseline = top = size = bottom_of_word = 0.0
    font = ""

    def flush() -> None:
        if chars:
            words.append(Word("".join(chars), x0, x1, page_height - top, page_height - baseline, font, size))
            chars.clear()

    # PDFium writes a line break of its own around a raised marker; it ends the
    # word unless the marker is glued to it.
    generated_break = after_marker = False
    for index in range(count):
        char = chr(pdfium_c.FPDFText_GetUnicode(handle, index))
        if pdfium_c.FPDFText_IsGenerated(handle, index) == 1:
            generated_break = True
            continue
        if char in _WHITESPACE:
            flush()
            continue
        if char == _PDFIUM_LINE_END_HYPHEN:
            char = "-"
        pdfium_c.FPDFText_GetLooseCharBox(handle, index, rect)
        if chars:
            gap = rect.left - x1
            if gap > size * WORD_GAP or gap < -size:
                flush()
            elif abs(rect.bottom - bottom_of_word) > size * BASELINE_TOLERANCE:
                # Off the word's baseline: a footnote marker glued to the word
                # ('Man-years¹,' or '¹0716') belongs to it, anything else starts a word.
                pdfium_c.FPDFText_GetCharOrigin(handle, index, origin_x, origin_y)
                char_size = pdfium_c.FPDFText_GetFontSize(handle, index) or (rect.top - rect.bottom)
                if char_size < size * SUPERSCRIPT_SIZE and origin_y.value - baseline > size * SUPERSCRIPT_RISE:
                    chars.append(char)
                    x1 = rect.right
                    generated_break, after_marker = False, True
                    continue
                if size < char_size * SUPERSCRIPT_SIZE and baseline - origin_y.value > char_size * SUPERSCRIPT_RISE:
                    # The word so far was a raised marker before this word: the word's
                    # line and size are this character's.
                    size, baseline, bottom_of_word = char_size, origin_y.value, rect.bottom
                    top = max(top, rect.top)
                    font = _font_name(handle, index, font_buffer)
                    chars.append(char)
                    x1 = rect.right
                    generated_break = after_marker = False
                    continue
                flush()
            elif generated_break and not after_marker:
                flush()
        generated_break = after_marker = False
        if not chars:
            pdfium_c.FPDFText_GetCharOrigin(handle, index, origin_x, origin_y)
            size = pdfium_c.FPDFText_GetFontSize(handle, index) or (rect.top - rect.bottom)
            font = _font_name(handle, index, font_buffer)
            x0, top, baseline = rect.left, rect.top, origin_y.value
            bottom_of_word = rect.bottom
        chars.append(char)
        x1 = rect.right
    flush()
    return words


def read_pdf(path: Path) -> Document:
    import pypdfium2 as pdfium

    # PDFium repairs what it can of a cut-off file and would read its first pages:
    # a PDF that does not end with its end-of-file marker is refused whole.
    with path.open("rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(handle.tell() - 1024, 0))
        if b"%%EOF" not in handle.read():
            raise DocumentError(f"{path.name}: truncated PDF (no end-of-file marker); nothing read from it")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise DocumentError(f"{path.name}: encrypted PDF, cannot be read without its password") from error
        raise DocumentError(f"{path.name}: damaged or truncated PDF ({message})") from error
    lines: list[Line] = []
    widths: dict[int, float] = {}
    try:
        for page_number in range(1, len(pdf) + 1):
            page = pdf[page_number - 1]
            try:
                width, height = page.get_size()
                widths[page_number] = float(width)
                textpage = page.get_textpage()
                try:
                    words = page_words(textpage, float(height))
                finally:
                    textpage.close()
            finally:
                page.close()
            for row in group_words_into_lines(words):
                lines.append(Line(len(lines) + 1, " ".join(w.text for w in row), page_number, tuple(row)))
    except pdfium.PdfiumError as error:
        raise DocumentError(f"{path.name}: damaged or truncated PDF ({error})") from error
    finally:
        pdf.close()
    if not widths:
        raise DocumentError(f"{path.name}: PDF has no pages")
    if not lines:
        raise DocumentError(f"{path.name}: PDF has no text layer (a scan?); it needs OCR first")
    return Document(path=path, sha256=sha256_of(path), format="pdf", lines=lines, page_widths=widths)
