"""Writes the small test files beside this script (run once; the files are committed):

    /usr/bin/python3 make_files.py     # numpy 1.24 and h5py 3.7 (Debian's python3-numpy, python3-h5py)

Spike data: the two-class task of DataSourceTrainingTest. Trial i has label i % 2; of channels 0 and 1 the one of its
class spikes early (in [0, 0.2)), the other late (in [1, 1.5)); channel 2 is a bias spike at 0.
"""
import numpy as np
import h5py


def task(n, seed):
    rng = np.random.default_rng(seed)
    samples, channels, times, labels = [], [], [], []
    for i in range(n):
        label = i % 2
        early, late = 0.2 * rng.random(), 1.0 + 0.5 * rng.random()
        for c, t in ((0, early if label == 0 else late), (1, early if label == 1 else late), (2, 0.0)):
            samples.append(i), channels.append(c), times.append(t)
        labels.append(label)
    return np.array(samples), np.array(channels), np.array(times), np.array(labels)


for name, n, seed in (("train", 32, 1), ("test", 16, 2)):
    s, c, t, y = task(n, seed)
    # CSV: spikes one per row, labels one per sample
    with open(f"{name}-spikes.csv", "w") as f:
        f.write("sample,channel,time\n")
        f.writelines(f"{a},{b},{repr(float(x))}\n" for a, b, x in zip(s, c, t))
    with open(f"{name}-labels.csv", "w") as f:
        f.write("sample,label\n")
        f.writelines(f"{i},{v}\n" for i, v in enumerate(y))
    # npz: the same table, column by column
    np.savez(f"{name}.npz", samples=s, channels=c, times=t, labels=y)
    # SHD layout: ragged per-sample times (seconds, float16) and units (uint16) of 9 channels, uint8 labels;
    # channels 3k..3k+2 carry channel k's spike, so pool: 3 gives the task's 3 channels, timeScale: 2 its times
    with h5py.File(f"{name}-shd.h5", "w") as f:
        times = f.create_dataset("spikes/times", (n,), dtype=h5py.vlen_dtype(np.float16))
        units = f.create_dataset("spikes/units", (n,), dtype=h5py.vlen_dtype(np.uint16))
        for i in range(n):
            k = s == i
            times[i] = np.repeat(t[k] / 2, 3).astype(np.float16)
            units[i] = (np.repeat(3 * c[k], 3) + np.tile(np.arange(3), 3)).astype(np.uint16)
        f.create_dataset("labels", data=y.astype(np.uint8))

# SHD-layout files the reader refuses: no labels; a trial with more times than units
for name, counts in (("nolabels", None), ("mismatch", (2, 1))):
    with h5py.File(f"{name}-shd.h5", "w") as f:
        times = f.create_dataset("spikes/times", (1,), dtype=h5py.vlen_dtype(np.float16))
        units = f.create_dataset("spikes/units", (1,), dtype=h5py.vlen_dtype(np.uint16))
        times[0] = np.zeros(2, dtype=np.float16)
        units[0] = np.zeros(counts[1] if counts else 2, dtype=np.uint16)
        if counts:
            f.create_dataset("labels", data=np.zeros(1, dtype=np.uint8))

# target times: the CSV and npz forms of two read-out neurons' target times for 3 trials
with open("targets-spikes.csv", "w") as f:
    f.write("sample,channel,time\n0,0,0.1\n1,1,0.2\n2,0,0.3\n2,1,0.4\n")
with open("targets.csv", "w") as f:
    f.write("sample,neuron,time\n" + "".join(f"{i},{k},{1.0 + i + 0.5 * k}\n" for i in range(3) for k in range(2)))
np.savez("targets.npz", samples=np.array([0, 1, 2, 2]), channels=np.array([0, 1, 0, 1]),
         times=np.array([0.1, 0.2, 0.3, 0.4]),
         targets=np.array([[1.0 + i + 0.5 * k for k in range(2)] for i in range(3)]))
np.savez_compressed("compressed.npz", samples=np.array([0, 0, 1], dtype=np.int32),
                    channels=np.array([1, 0, 1], dtype=np.uint8), times=np.array([0.5, 0.25, 1], dtype=np.float32),
                    labels=np.array([3, 4], dtype=np.int64))

# .npy files of each supported dtype, byte order and header version, and some the reader refuses
values = [0, 1, 2, 100, 127]
for dtype in ("<f8", "<f4", "<i8", "<i4", "<i2", "|u1", "|i1", "<u2", "<u4", "<u8", ">f8", ">f4", ">i8", ">i4", ">i2"):
    np.save(f"npy/{dtype[0].replace('<', 'le').replace('>', 'be').replace('|', 'na')}-{dtype[1:]}.npy",
            np.array(values, dtype=dtype))
np.save("npy/na-b1.npy", np.array([True, False, True]))
np.save("npy/matrix.npy", np.arange(6, dtype="<f8").reshape(2, 3) / 4)
np.save("npy/scalar.npy", np.float64(2.5))
np.save("npy/negative.npy", np.array([-3, -1, 2], dtype="<i4"))
np.save("npy/special.npy", np.array([np.nan, np.inf, -0.0, 1e-300]))
for version in ((2, 0), (3, 0)):
    with open(f"npy/version{version[0]}.npy", "wb") as f:
        np.lib.format.write_array(f, np.array([1.5, -2.5]), version=version)
np.save("npy/fortran.npy", np.asfortranarray(np.arange(6.0).reshape(2, 3)))
np.save("npy/object.npy", np.array([[1], "a"], dtype=object), allow_pickle=True)
np.save("npy/complex.npy", np.array([1 + 2j]))
np.save("npy/structured.npy", np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")]))
