"""``yorum serve`` for the load tests: the real command, with the stub engine of
``tests.web.fakes`` standing in while the real engine cannot run (its model is not built).

Run as ``python -m tests.web.serve_stub serve --port P`` from the repository root.
"""

from __future__ import annotations

from typing import Any

import yorum.web.app
from tests.web.fakes import fake_moderate
from yorum.cli import app


def real_engine_works() -> bool:
    from yorum import moderate

    try:
        moderate("Merhaba.")
    except Exception:  # not built yet (no module, no weights): the stub stands in
        return False
    return True


def main() -> None:
    if not real_engine_works():
        real_create_app = yorum.web.app.create_app

        def create_app(*args: Any, **kwargs: Any) -> Any:
            return real_create_app(*args, **{**kwargs, "moderate_fn": fake_moderate})

        yorum.web.app.create_app = create_app  # type: ignore[assignment]
    app()


if __name__ == "__main__":
    main()
