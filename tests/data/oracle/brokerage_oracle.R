#!/usr/bin/Rscript
# Oracle for tests/src/gould_fernandez_test.cpp: Gould-Fernandez brokerage by R sna::brokerage
# (Debian r-cran-sna), independent of clusterlens.
#
# Networks:
#   toy_undirected, toy_directed  the toy cluster: F1..F4 local firms (L), UNI, GOV
#                                 institutes (I), EXT1, EXT2 external (X); ties as listed below
#                                 (directed: arcs in the listed order's direction).
#   advice                        Krackhardt's high-tech managers, advice relation (directed,
#                                 arcs as in tests/data/reference/networkdata_ht_advice.graphml);
#                                 groups = the `dept` attribute (0 is the CEO alone).
#   cordis                        examples/cordis_ee_climate/data (undirected, parallel rows
#                                 merged); groups = "local" when country == "EE" else "global".
# sna reads an undirected network as a symmetric digraph, so its undirected counts are for
# ordered pairs (clusterlens' default counts each unordered pair once: half of these).
#
# Output: per network the actor ids, groups, raw.nli / exp.nli / sd.nli / z.nli per actor id
# (columns w_I, w_O, b_IO, b_OI, b_O, t) and the .gli vectors. NaN/Inf are written as null.
# Run from this folder: Rscript brokerage_oracle.R > brokerage_oracle.json
suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(script)) dirname(normalizePath(script)) else getwd()
root <- normalizePath(file.path(here, "..", "..", ".."))

adjacency <- function(ids, from, to, directed) {
  a <- matrix(0, length(ids), length(ids), dimnames = list(ids, ids))
  i <- match(from, ids)
  j <- match(to, ids)
  stopifnot(!anyNA(i), !anyNA(j), all(i != j))
  a[cbind(i, j)] <- 1
  if (!directed) a[cbind(j, i)] <- 1
  a
}

fix <- function(x) {
  x <- as.numeric(x)
  ifelse(is.finite(x), x, NA)
}

per_actor <- function(mat, ids) {
  out <- list()
  for (r in seq_along(ids)) {
    row <- as.list(fix(mat[r, ]))
    names(row) <- colnames(mat)
    out[[ids[r]]] <- row
  }
  out
}

named <- function(v) {
  out <- as.list(fix(v))
  names(out) <- names(v)
  out
}

run <- function(ids, from, to, groups, directed, note) {
  a <- adjacency(ids, from, to, directed)
  b <- brokerage(a, groups)
  list(note = note, directed = directed, ids = ids, groups = groups,
       ties = length(from),
       raw.nli = per_actor(b$raw.nli, ids), exp.nli = per_actor(b$exp.nli, ids),
       sd.nli = per_actor(b$sd.nli, ids), z.nli = per_actor(b$z.nli, ids),
       raw.gli = named(b$raw.gli), exp.gli = named(b$exp.gli),
       sd.gli = named(b$sd.gli), z.gli = named(b$z.gli))
}

# --- toy cluster ---------------------------------------------------------------------------
toy_ids <- c("F1", "F2", "F3", "F4", "UNI", "GOV", "EXT1", "EXT2")
toy_groups <- c("L", "L", "L", "L", "I", "I", "X", "X")
toy_from <- c("F1", "F2", "F1", "UNI", "F3", "EXT1", "F2", "F1", "GOV")
toy_to <- c("F2", "F3", "UNI", "GOV", "EXT1", "EXT2", "F4", "EXT1", "F4")

# --- Krackhardt advice (GraphML written by igraph: one <node>, its <data>, then <edge>s) ---
lines <- readLines(file.path(root, "tests/data/reference/networkdata_ht_advice.graphml"))
node_at <- grep("<node id=", lines)
adv_ids <- sub('.*<node id="([^"]+)".*', "\\1", lines[node_at])
dept_at <- grep('key="v_dept"', lines)
stopifnot(length(dept_at) == length(node_at))
adv_dept <- sub('.*<data key="v_dept">([^<]+)</data>.*', "\\1", lines[dept_at])
adv_dept <- format(as.numeric(adv_dept), trim = TRUE)  # "4", "0", as clusterlens prints them
edge_at <- grep("<edge ", lines)
adv_from <- sub('.*source="([^"]+)".*', "\\1", lines[edge_at])
adv_to <- sub('.*target="([^"]+)".*', "\\1", lines[edge_at])

# --- CORDIS Estonia climate example ---------------------------------------------------------
data <- file.path(root, "examples/cordis_ee_climate/data")
nodes <- read.csv(file.path(data, "nodes.csv"), colClasses = "character")
edges <- read.csv(file.path(data, "edges.csv"), colClasses = "character")
cordis_groups <- ifelse(nodes$country == "EE", "local", "global")

out <- list(
  source = paste0("R ", R.version$major, ".", R.version$minor, ", sna ",
                  packageDescription("sna")$Version,
                  " brokerage(); script tests/data/oracle/brokerage_oracle.R"),
  toy_undirected = run(toy_ids, toy_from, toy_to, toy_groups, FALSE,
                       "toy cluster, undirected (sna counts ordered pairs)"),
  toy_directed = run(toy_ids, toy_from, toy_to, toy_groups, TRUE,
                     "toy cluster, arcs as listed"),
  advice = run(adv_ids, adv_from, adv_to, adv_dept, TRUE,
               "Krackhardt advice, directed, groups = dept"),
  cordis = run(nodes$pic, edges$source_pic, edges$target_pic, cordis_groups, FALSE,
               "CORDIS EE climate, undirected, groups = local (EE) / global")
)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE))
cat("\n")
