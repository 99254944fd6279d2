# Peer of tests/bench/qap_cordis.sh: R sna's netlm on the same case as `clusterlens qap ...
# --covariates same_type,both_local` (undirected co-participation weights; same_type = same
# CORDIS activity type, both_local = both in Estonia, as the CORDIS mapping says), read with
# base R. Prints the coefficients (to check the case is the same) and the seconds netlm took.
#   Rscript peer_netlm.R NODES.csv[.gz] EDGES.csv[.gz] REPS
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(sna))
nodes <- read.csv(args[1], colClasses = "character")
edges <- read.csv(args[2], colClasses = c("character", "character", "numeric"))
reps <- as.integer(args[3])
n <- nrow(nodes)
y <- matrix(0, n, n)
s <- match(edges$source_pic, nodes$pic); t <- match(edges$target_pic, nodes$pic)
y[cbind(s, t)] <- y[cbind(s, t)] + edges$weight
y[cbind(t, s)] <- y[cbind(s, t)]
same_type <- 1 * outer(nodes$activity_type, nodes$activity_type, "==")
local <- nodes$country == "EE"
both_local <- 1 * outer(local, local, "&")
set.seed(1)
time <- system.time(fit <- netlm(y, list(same_type, both_local), mode = "graph",
                                 nullhyp = "qapspp", reps = reps))[["elapsed"]]
cat(sprintf("netlm coefficients: %s\n", paste(format(fit$coefficients, digits = 10), collapse = " ")))
cat(sprintf("netlm p (two-sided): %s\n", paste(format(fit$pgreqabs, digits = 4), collapse = " ")))
cat(sprintf("netlm seconds: %.2f for %d permutations (%d actors)\n", time, reps, n))
