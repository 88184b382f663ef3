// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017: 28x28 images of clothing in 10 classes) with the protocol of
// mnist.groovy: 784 -> 100 -> 100 -> 10 theta neurons starting silent, 100 epochs of AdaBelief, the same settings and
// parameters. './smoothspike data fashion-mnist' fetches the data; -Phidden=400 trains a wider network.
include 'mnist.groovy', data: 'fashion-mnist'
