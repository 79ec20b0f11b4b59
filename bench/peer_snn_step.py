#!/usr/bin/env python3
"""PyTorch peer of `./braindyn bench train-step --model snn --peer`: one training step of seed 004's SNN as
`fashion-snn` builds it — 784 inputs -> Linear(784, 100) -> exponential synapse (tau 10 ms) -> LIF (tau 10 ms,
V_rest = V_reset = 0, V_th = 1, hard reset passing the gradient, inverse-square surrogate alpha 100) -> Linear(100, 10)
-> exponential synapse (tau 10) -> leaky readout (tau 5), dt 0.1 ms, 100 steps, mean readout over time,
cross-entropy + the seed's spike regularisers, Adam 1e-3 — on a random 2%-dense spike batch, CPU, THREADS threads,
in two forms: eager autograd with a custom autograd Function for the surrogate, and the 100-step loop compiled with
TorchScript (the surrogate as a straight-through expression, same forward and gradient). Prints one JSON line with the
faster form's median step time in ms, its name and both times.
Usage: peer_snn_step.py BATCH STEPS_TIMED THREADS"""
import math, sys
import torch
from peer_timing import median_ms, report_fastest

class Spike(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x >= 0).to(x.dtype)
    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g / (100.0 * x.abs() + 1.0) ** 2

def main():
    batch, timed, threads = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    fc1, fc2 = torch.nn.Linear(784, 100), torch.nn.Linear(100, 10)
    opt = torch.optim.Adam(list(fc1.parameters()) + list(fc2.parameters()), lr=1e-3)
    x = (torch.rand(batch, 100, 784) < 0.02).float()
    y = torch.randint(0, 10, (batch,))
    dt = 0.1
    d_syn, d_mem, d_out = math.exp(-dt / 10), math.exp(-dt / 10), math.exp(-dt / 5)

    def step():
        g1 = torch.zeros(batch, 100); v = torch.zeros(batch, 100); g2 = torch.zeros(batch, 10); o = torch.zeros(batch, 10)
        s = torch.zeros(batch, 100); acc = 0; count = 0
        for t in range(100):
            g1 = g1 * d_syn + fc1(x[:, t])
            g2 = g2 * d_syn + fc2(s)
            v = g1 + (v - g1) * d_mem
            s = Spike.apply(v - 1.0)
            v = v + s * (0.0 - v.detach())
            o = o * d_out + g2
            acc = acc + o
            count = count + s.sum(0)
        loss = torch.nn.functional.cross_entropy(acc / 100, y) + 1e-5 * count.sum() + 1e-5 * (count ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step()

    w1, b1, w2, b2 = fc1.weight, fc1.bias, fc2.weight, fc2.bias
    xt = x.transpose(0, 1).contiguous()   # (time, batch, 784) for the scripted loop

    @torch.jit.script
    def run(xt: torch.Tensor, w1: torch.Tensor, b1: torch.Tensor, w2: torch.Tensor, b2: torch.Tensor,
            d_syn: float, d_mem: float, d_out: float):
        batch = xt.shape[1]
        g1 = torch.zeros(batch, 100); v = torch.zeros(batch, 100); g2 = torch.zeros(batch, 10); o = torch.zeros(batch, 10)
        s = torch.zeros(batch, 100); acc = torch.zeros(batch, 10); count = torch.zeros(100)
        for t in range(xt.shape[0]):
            g1 = g1 * d_syn + torch.nn.functional.linear(xt[t], w1, b1)
            g2 = g2 * d_syn + torch.nn.functional.linear(s, w2, b2)
            v = g1 + (v - g1) * d_mem
            u = v - 1.0
            soft = u / (100.0 * u.abs() + 1.0)          # its derivative is the inverse-square surrogate
            s = soft + ((u >= 0).to(u.dtype) - soft).detach()
            v = v + s * (0.0 - v.detach())
            o = o * d_out + g2
            acc = acc + o
            count = count + s.sum(0)
        return acc, count

    def scripted():
        acc, count = run(xt, w1, b1, w2, b2, d_syn, d_mem, d_out)
        loss = torch.nn.functional.cross_entropy(acc / 100, y) + 1e-5 * count.sum() + 1e-5 * (count ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step()

    results = {config: median_ms(fn, 3, timed) for config, fn in (("eager autograd", step), ("TorchScript loop", scripted))}
    report_fastest(results, torch.__version__, threads)

if __name__ == "__main__":
    main()
