"""Shared by the PyTorch peers of `./braindyn bench train-step`: time each form of a training step and print the
faster one as the peer's figure (its fastest configuration), with every form's time beside it."""
import json, statistics, time


def median_ms(fn, warmup, timed):
    """Median wall time of `fn()` in ms over `timed` calls, after `warmup` untimed ones."""
    for _ in range(warmup): fn()
    ms = []
    for _ in range(timed):
        t0 = time.perf_counter(); fn(); ms.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ms)


def report_fastest(results, torch_version, threads):
    """Prints one JSON line: the fastest form's median (`peer_step_ms`), its name (`peer_config`) and all forms."""
    best = min(results, key=results.get)
    print(json.dumps({"peer_step_ms": results[best], "peer_config": best, "all_ms": results, "torch": torch_version, "threads": threads}))
