// PAPER-NOTES 5.4: a deep, initially silent network of theta neurons classifies MNIST by first spikes.
// 784 -> 100 -> 100 -> 10, tau = 6/pi and I0 = 5/4 (period 6), T = 2; a pixel >= 128 spikes at T ln(1/0.99);
// initial phases 3 (half the period: every neuron is silent), weights uniform in +-0.5/sqrt(fan-in);
// trainable: all weights and initial phases.
def p = params(seed: 1, hidden: 100)

def train = mnist(split: 'train')
def neuron = theta(tau: 6 / Math.PI, drive: 1.25)

def net = network('mnist') {
    trial duration: 2, spikeCap: 200
    input 'pixels', size: 784, image: [bins: 1]
    population 'h1', size: p.hidden, model: neuron, phase0: 3, trainInitial: true
    population 'h2', size: p.hidden, model: neuron, phase0: 3, trainInitial: true
    population 'out', size: 10, model: neuron, phase0: 3, trainInitial: true
    connect 'pixels', 'h1', weights: fanInUniform(scale: 0.5, seed: p.seed)
    connect 'h1', 'h2', weights: fanInUniform(scale: 0.5, seed: p.seed + 1)
    connect 'h2', 'out', weights: fanInUniform(scale: 0.5, seed: p.seed + 2)
    readout 'out'
    loss crossEntropy(gamma: 0.01)
}

def result = net.simulate(net.input(0, train.pixels(0)))
write 'raster.txt', result.rasterSummary()
log "mnist: sample 0 (label ${train.label(0)}): ${result.record().spikeCount()} ordinary spikes, output times " +
        result.outputTimes().collect { String.format('%.3f', it[0]) }.join(' ')
