"""The example in docs/embedding.md runs as written (with HTTP answered by respx)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import respx

EMBEDDING = (Path(__file__).resolve().parents[2] / "docs" / "embedding.md").read_text()


def test_the_example_delivers_an_identify_call(capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", EMBEDDING, re.S)
    with respx.mock as router:
        router.route().respond(200)
        exec(compile(block, "docs/embedding.md", "exec"), {"__name__": "docs"})
        (call,) = router.calls  # respx forgets its calls when the context ends

    assert call.request.url == "https://unification.useinsider.com/api/user/v1/upsert"
    assert capsys.readouterr().out == "updateUserProfile 200 True\n"
