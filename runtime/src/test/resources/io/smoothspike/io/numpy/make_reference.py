"""Writes reference.npz, the arrays NpyWriterTest compares SmoothSpike's .npy bytes with (numpy.savez: stored).

Run from this folder: python3 make_reference.py
"""
import numpy

numpy.savez(
    "reference.npz",
    matrix=numpy.array([[0.5, -1.25, 3.0], [1e-300, numpy.inf, numpy.nan]]),
    vector=numpy.array([1.0, 2.0, 3.0]),
    scalar=numpy.array(2.5),
    empty=numpy.zeros((0, 4)),
    ints=numpy.array([7, -3, 2**31 - 1], dtype="<i4"),
    longs=numpy.array([[1, -2], [2**40, 0]], dtype="<i8"),
    mask=numpy.array([[True, False], [False, True]]),
    names=numpy.array(["h1", "out", "\u03c4 \U0001d70f", ""]),
    cube=numpy.arange(24, dtype="<f8").reshape(2, 3, 4),
)
