#!/usr/bin/env python3
"""PyTorch peer of `./braindyn bench train-step --model lstm --peer`: one training step of seed 004's ANN
(an LSTM 28 -> 100 over the 28 image rows, Linear(100 -> 10), max over time, cross-entropy, Adam 1e-3) on a random
batch, CPU, torch.set_num_threads(THREADS), in both of PyTorch's forms — `LSTMCell` unrolled in Python and the fused
`nn.LSTM` over the sequence — reporting the faster (its fastest configuration) and naming it.
Usage: peer_train_step.py BATCH STEPS_TIMED THREADS"""
import sys
import torch
from peer_timing import median_ms, report_fastest

def main():
    batch, timed, threads = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    x = torch.rand(batch, 28, 28)
    y = torch.randint(0, 10, (batch,))
    results = {}
    for config in ("LSTMCell unrolled", "nn.LSTM fused"):
        torch.manual_seed(0)
        if config == "LSTMCell unrolled":
            cell = torch.nn.LSTMCell(28, 100)
        else:
            cell = torch.nn.LSTM(28, 100, batch_first=True)
        out = torch.nn.Linear(100, 10)
        opt = torch.optim.Adam(list(cell.parameters()) + list(out.parameters()), lr=1e-3)

        def step():
            if config == "LSTMCell unrolled":
                h = torch.zeros(batch, 100); c = torch.zeros(batch, 100)
                ys = []
                for t in range(28):
                    h, c = cell(x[:, t], (h, c))
                    ys.append(out(h))
                logits = torch.stack(ys, 1).max(1).values
            else:
                hs, _ = cell(x)
                logits = out(hs).max(1).values
            loss = torch.nn.functional.cross_entropy(logits, y)
            opt.zero_grad(); loss.backward(); opt.step()

        results[config] = median_ms(step, 5, timed)
    report_fastest(results, torch.__version__, threads)

if __name__ == "__main__":
    main()
