"""Deterministic chat and completion text, lightly formatted as markdown for previews."""
from __future__ import annotations

import re
from typing import Any

from gui.sandbox.seeds import rng_for

LEADS = (
    "Short answer:", "In brief:", "Here is the gist:", "Good question.", "Summary:",
    "Let me break this down.", "Key points first:", "Quick take:",
)
SENTENCES = (
    "The queue accepted the job and held the connection until the result was ready.",
    "Deterministic answers make it easy to compare runs side by side.",
    "Every request body follows the OpenAI specification without changes.",
    "Long-running work is best submitted in the background and watched in a table.",
    "Results are written atomically, so a crash never leaves half a file behind.",
    "Rate limits are per key, so backing off politely keeps everyone moving.",
    "A `Retry-After` header tells the client exactly how long to wait.",
    "Embeddings of identical text are identical, which makes caching safe.",
    "Transcripts come back as plain text, subtitles or verbose JSON with segments.",
    "Large uploads are streamed rather than held in memory.",
    "The sandbox answers from a hash of the prompt, so nothing here is real model output.",
    "Polling with a modest back-off keeps load on the server low.",
    "Jobs that fail can be retried without losing their original parameters.",
    "Images are drawn from the prompt's hash: colours, stripes and circles.",
    "A status URL lets a client resume waiting after a restart.",
    "Tokens are counted roughly, one per word or punctuation mark.",
    "Markdown previews render **bold** text, lists and quotes.",
    "Model identifiers should always be taken from the server's model list.",
    "Every state change of a job is timestamped and stored.",
    "Short prompts get short answers; long prompts are quoted only in part.",
)
CLOSINGS = (
    "Let me know if you want more detail.",
    "Hope this helps.",
    "That is all the sandbox knows about it.",
    "Ask again with a different prompt for a different answer.",
    "*(Generated deterministically by the Queue Desk sandbox.)*",
)

_TOKEN = re.compile(r"\w+|[^\w\s]")
_PIECE = re.compile(r"\S+\s*")


def count_tokens(text: str) -> int:
    """A rough token count: words and punctuation marks (real tokenizers differ; clients
    should treat usage as approximate anyway)."""
    return len(_TOKEN.findall(text))


def truncate_tokens(text: str, limit: int | None) -> tuple[str, bool]:
    """Cut text at a word boundary so it holds at most `limit` tokens; report whether it was cut."""
    if limit is None or count_tokens(text) <= limit:
        return text, False
    used, kept = 0, []
    for match in _PIECE.finditer(text):
        cost = count_tokens(match.group())
        if used + cost > limit:
            break
        used += cost
        kept.append(match.group())
    return "".join(kept).rstrip(), True


def message_text(message: Any) -> str:
    """The text of a chat message whose content is a string or a list of content parts."""
    if not isinstance(message, dict):
        return ""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(
            part.get("text", "") for part in content if isinstance(part, dict) and part.get("type") == "text"
        )
    return ""


def _last_user_text(messages: list[Any]) -> str:
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            return message_text(message)
    return message_text(messages[-1]) if messages else ""


def _quote(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return "> " + (flat or "(empty message)")


_STOPWORDS = frozenset(
    "about above after again also been before being below between both could does doing during each from "
    "have having hello here into just more most only other over please same should some such than that "
    "their them then there these they this those through under until very what when where which while "
    "with would your yours".split()
)


def _keywords(text: str) -> str:
    """Up to three of the longest distinct words, so the lead visibly refers to the prompt."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)} - _STOPWORDS
    ranked = sorted(words, key=lambda w: (-len(w), w))[:3]
    return "*" + ", ".join(ranked) + "*" if ranked else "your message"


def chat_answer(messages: list[Any], index: int = 0) -> str:
    """The full (untruncated) markdown answer for a conversation; `index` varies choices."""
    rng = rng_for("chat", messages, index)
    user = _last_user_text(messages)
    bullets = rng.sample(SENTENCES, rng.randint(2, 3))
    return "\n".join([
        f"**{rng.choice(LEADS)}** Here is what I make of {_keywords(user)}.",
        "",
        _quote(user),
        "",
        *(f"- {sentence}" for sentence in bullets),
        "",
        rng.choice(CLOSINGS),
    ])


def completion_text(prompt: str, index: int = 0) -> str:
    """A plain continuation of a prompt: two to four sentences."""
    rng = rng_for("completion", prompt, index)
    return " " + " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))


def prompt_tokens(messages: list[Any]) -> int:
    # A few tokens of framing per message, as chat templates add them.
    return sum(count_tokens(message_text(m)) + 3 for m in messages) + 3
