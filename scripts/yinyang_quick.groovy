// The Yin-Yang data set (Kriener et al. 2021): points (x, y) of the unit square inside a yin-yang figure of
// radius 0.5, in three classes: yin, yang and the two dots. A small classifier learns it from exact input spike
// times supplied per trial through source(…): channels x, y, 1 − x, 1 − y spike once at tEarly + (tLate − tEarly)
// times the value, and a fifth channel spikes at tBias as a reference. 5 inputs -> 30 hidden -> 3 outputs, theta
// neurons, first-spike cross-entropy. No images are involved.
def p = params(seed: 1, trainSize: 3000, testSize: 500, epochs: 15, batch: 30, hidden: 30, lr: 0.01,
        tEarly: 0.15, tLate: 1.5, tBias: 0.05, duration: 2)

def R = 0.5        // radius of the figure
def r = 0.1        // radius of the dots
def yinYangClass = { double x, double y ->
    double dRight = Math.hypot(x - 1.5 * R, y - R)
    double dLeft = Math.hypot(x - 0.5 * R, y - R)
    if (dRight < r || dLeft < r) {
        return 2   // a dot
    }
    boolean yin = dRight <= r || (dLeft > r && dLeft <= 0.5 * R) || (y > R && dRight > 0.5 * R)
    return yin ? 0 : 1
}
// balanced classes: each point's class is drawn first, then points are drawn until one of that class falls inside
def yinYang = { int n, long seed ->
    def rng = new Random(seed)
    def points = []
    def labels = []
    n.times {
        int wanted = rng.nextInt(3)
        while (true) {
            double x = 2 * R * rng.nextDouble()
            double y = 2 * R * rng.nextDouble()
            if (Math.hypot(x - R, y - R) <= R && yinYangClass(x, y) == wanted) {
                points << [x, y]
                labels << wanted
                break
            }
        }
    }
    [points: points, labels: labels]
}
def spikeTimes = { List xy ->
    double x = xy[0], y = xy[1]
    [x, y, 1 - x, 1 - y].collect { p.tEarly + (p.tLate - p.tEarly) * it } + [p.tBias]
}
def asSource = { set -> source(trials: set.points.collect(spikeTimes), labels: set.labels) }
def trainSet = asSource(yinYang(p.trainSize, p.seed))
def testSet = asSource(yinYang(p.testSize, p.seed + 1000))
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

def training = train(net, data: trainSet, test: testSet, epochs: p.epochs, batch: p.batch,
        optimizer: 'adabelief', lr: p.lr, cosine: p.lr / 100, seed: p.seed)
def m = training.finalMetrics()
log String.format(Locale.ROOT, 'yinyang: test accuracy %.2f%% (ordinary spikes only %.2f%%), loss %.4f -> %.4f',
        100 * m.test_accuracy, 100 * m.test_accuracy_ordinary, m.initial_loss, m.final_loss)
