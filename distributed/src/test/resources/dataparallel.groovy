// A small data-parallel training for the tests: points (x, y) of the unit square in two classes (above or below
// the diagonal), each point four input spikes at times growing with x, y, 1 - x, 1 - y and a bias spike; batches of
// 40 trials are cut into 32 chunks. -PtrainConstants=true also trains the hidden neurons' drive, which sums batches
// trial by trial; -PspikeCap=N lowers the spike cap; -Ptiming=true makes it a timing task (per trial a target time
// for each read-out neuron, the one of the point's class earlier).
def p = params(seed: 1, trainSize: 120, testSize: 30, epochs: 2, batch: 40, hidden: 12, lr: 0.02, spikeCap: 100,
        trainConstants: false, timing: false)
def points = { int n, long seed ->
    def rng = new Random(seed)
    def trials = []
    def labels = []
    n.times {
        double x = rng.nextDouble(), y = rng.nextDouble()
        trials << [x, y, 1 - x, 1 - y].collect { 0.15 + 1.35 * it } + [0.05]
        labels << (x > y ? 0 : 1)
    }
    p.timing ? source(trials: trials, targets: labels.collect { it == 0 ? [1.0, 1.5] : [1.5, 1.0] })
            : source(trials: trials, labels: labels)
}
def neuron = theta(tau: 6 / Math.PI, drive: 1.25)
def net = network('dataparallel') {
    trial duration: 2, spikeCap: p.spikeCap
    input 'xy', size: 5, external: true
    population 'hidden', size: p.hidden, model: neuron, phase0: 3, trainInitial: true,
            trainConstants: p.trainConstants ? ['drive'] : []
    population 'out', size: 2, model: neuron, phase0: 3, trainInitial: true
    connect 'xy', 'hidden', weights: fanInUniform(scale: 2, seed: p.seed)
    connect 'hidden', 'out', weights: fanInUniform(scale: 2, seed: p.seed + 1)
    readout 'out'
    loss p.timing ? targetTime() : crossEntropy(gamma: 0.01)
}
train(net, data: points(p.trainSize, p.seed), test: points(p.testSize, p.seed + 1000), epochs: p.epochs,
        batch: p.batch, optimizer: 'adabelief', lr: p.lr, seed: p.seed)
