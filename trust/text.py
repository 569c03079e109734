"""Text shortened for names and table cells: cut between words, never inside one."""

ELLIPSIS = "…"


def shorten(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters, cut at a word boundary with an
    ellipsis when it is longer (a single word longer than ``width`` is cut inside)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - len(ELLIPSIS)]
    if text[len(head)] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:–-") + ELLIPSIS
