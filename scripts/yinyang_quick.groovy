// The Yin-Yang data set (Kriener et al. 2021) in a quick run: points (x, y) of the unit square inside a yin-yang
// figure of radius 0.5, in three classes: yin, yang and the two dots. yinyang(…) generates the published splits bit
// for bit as the reference generator does (numpy's RandomState) and supplies them as exact input spike times:
// channels x, y, 1 − x, 1 − y spike once at early + (late − early) times the value, and a fifth channel spikes at
// bias as a reference. A small classifier, 5 inputs -> 30 hidden -> 3 outputs, theta neurons, first-spike
// cross-entropy, trains on the first trainSize training samples and is tested on the first testSize test samples.
// scripts/yinyang.groovy is the full run.
def p = params(seed: 1, trainSize: 3000, testSize: 500, epochs: 15, batch: 30, hidden: 30, lr: 0.01,
        early: 0.15, late: 1.5, bias: 0.05, duration: 2)

def trainSet = yinyang(split: 'train', early: p.early, late: p.late, bias: p.bias)
def testSet = yinyang(split: 'test', early: p.early, late: p.late, bias: p.bias)
def neuron = theta(tau: 6 / Math.PI, drive: 1.25)

def net = network('yinyang') {
    trial duration: p.duration, spikeCap: 100
    input 'xy', size: 5, external: true
    population 'hidden', size: p.hidden, model: neuron, phase0: 3, trainInitial: true
    population 'out', size: 3, model: neuron, phase0: 3, trainInitial: true
    connect 'xy', 'hidden', weights: fanInUniform(scale: 2, seed: p.seed)
    connect 'hidden', 'out', weights: fanInUniform(scale: 2, seed: p.seed + 1)
    readout 'out'
    loss crossEntropy(gamma: 0.01)
}

def training = train(net, data: trainSet, test: testSet, trainLimit: p.trainSize, testLimit: p.testSize,
        epochs: p.epochs, batch: p.batch, optimizer: 'adabelief', lr: p.lr, cosine: p.lr / 100, seed: p.seed)
def m = training.finalMetrics()
log String.format(Locale.ROOT, 'yinyang: test accuracy %.2f%% (ordinary spikes only %.2f%%), loss %.4f -> %.4f',
        100 * m.test_accuracy, 100 * m.test_accuracy_ordinary, m.initial_loss, m.final_loss)
