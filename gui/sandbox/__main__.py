"""`python -m gui.sandbox --port N`: run the sandbox in the foreground."""
from __future__ import annotations

import argparse

from gui.sandbox.config import SandboxConfig
from gui.sandbox.server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m gui.sandbox", description="Run the Queue API sandbox.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds each POST is held")
    parser.add_argument("--failure-rate", type=float, default=0.0)
    parser.add_argument("--rate-limit-every", type=int, default=0)
    parser.add_argument("--retry-after", type=float, default=1.0)
    parser.add_argument("--mode-202", action="store_true", help="answer queue POSTs with 202 + polling")
    parser.add_argument("--job-ttl", type=float, default=300.0)
    parser.add_argument("--api-key", default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    config = SandboxConfig(
        latency=args.latency, failure_rate=args.failure_rate, rate_limit_every=args.rate_limit_every,
        retry_after=args.retry_after, mode_202=args.mode_202, job_ttl=args.job_ttl,
        api_key=args.api_key, seed=args.seed,
    )
    serve(args.host, args.port, config)


if __name__ == "__main__":
    main()
