# Oracle for src/stats/node_regression (clusterlens explain), made without clusterlens:
#   Rscript tests/data/oracle/explain_oracle.R > tests/data/oracle/explain_oracle.json
# from the repository root. Three kinds of case:
#   lm     R's lm()/summary.lm() of n_projects_in_case on the four dimensions of learning
#          capacity of examples/cordis_ee_climate, the predictors computed by NetworkX
#          (explain_cordis_ee_predictors.csv, made by explain_predictors.py).
#   exact  every one of the n! permutations (n <= 7) of actor attributes of the reference
#          networks (tests/data/reference, read with base R's regular expressions), one lm() per
#          permutation, for both methods: the permuted outcome y* = y[perm] ("outcome") and
#          Freedman & Lane's y* = fitted(reduced) + resid(reduced)[perm] ("freedman-lane");
#          counts of |t*| >= |t|, t* >= t, t* <= t (relative 1e-12 allowance, as clusterlens).
#   mc     100,000 random permutations from R's own generator (set.seed(20261203), sample()),
#          fitted with qr.coef/qr.resid on the fixed design: p-values to compare with
#          clusterlens' Monte Carlo ones within Monte Carlo error.
# Null band: quantile(type = 7) at 2.5 % and 97.5 % of b*_j sd(x_j) / sd(y*).
args <- commandArgs(trailingOnly = TRUE)
root <- if (length(args) > 0) args[1] else "."
ref <- file.path(root, "tests/data/reference")
tol <- 1e-12

node_table <- function(path) {
  lines <- readLines(path)
  keys <- regmatches(lines, regexpr("<key id=\"[^\"]*\" for=\"node\" attr.name=\"[^\"]*\"(?= attr.type=\"double\")", lines, perl = TRUE))
  ids <- sub('<key id="([^"]*)".*', "\\1", keys)
  names(ids) <- sub('.*attr.name="([^"]*)"', "\\1", keys)
  rows <- list(); cur <- NULL
  for (l in lines) {
    if (grepl("<node ", l)) cur <- list()
    m <- regmatches(l, regexec('<data key="([^"]*)">([^<]*)</data>', l))[[1]]
    if (!is.null(cur) && length(m) == 3) cur[[m[2]]] <- m[3]
    if (grepl("</node>", l)) { rows[[length(rows) + 1]] <- cur; cur <- NULL }
  }
  out <- data.frame(row.names = seq_along(rows))
  for (nm in names(ids)) out[[nm]] <- as.numeric(sapply(rows, function(r) r[[ids[[nm]]]]))
  out
}

all_perms <- function(n) {
  if (n == 1) return(matrix(1L, 1, 1))
  p <- all_perms(n - 1)
  do.call(rbind, lapply(seq_len(n), function(i) cbind(i, ifelse(p >= i, p + 1L, p))))
}

formula_of <- function(y, xs) as.formula(paste(y, "~", paste(xs, collapse = " + ")))

# t and standardised coefficients of every predictor for one outcome vector, by lm().
lm_stats <- function(data, y, xs, ystar) {
  data[[y]] <- ystar
  m <- lm(formula_of(y, xs), data = data)
  co <- summary(m)$coefficients
  list(t = unname(co[-1, 3]),
       beta = unname(coef(m)[-1] * sapply(xs, function(x) sd(data[[x]])) / sd(ystar)))
}

counts <- function(tstar, tobs) {
  c(two = sum(abs(tstar) >= abs(tobs) - tol * abs(tobs)),
    greater = sum(tstar >= tobs - tol * abs(tobs)),
    less = sum(tstar <= tobs + tol * abs(tobs)))
}

# Exact: for predictor j, the statistics over all permutations.
exact_case <- function(name, data, y, xs, method) {
  perms <- all_perms(nrow(data))
  obs <- lm_stats(data, y, xs, data[[y]])
  res <- list()
  for (j in seq_along(xs)) {
    if (method == "outcome") {
      base <- rep(0, nrow(data)); e <- data[[y]]
    } else {
      red <- if (length(xs) > 1) lm(formula_of(y, xs[-j]), data = data) else lm(as.formula(paste(y, "~ 1")), data = data)
      base <- fitted(red); e <- residuals(red)
    }
    st <- apply(perms, 1, function(p) { s <- lm_stats(data, y, xs, base + e[p]); c(s$t[j], s$beta[j]) })
    cn <- counts(st[1, ], obs$t[j])
    q <- quantile(st[2, ], c(0.025, 0.975), type = 7, names = FALSE)
    res[[j]] <- list(term = xs[j], t = obs$t[j], count_two_sided = cn[["two"]],
                     count_greater = cn[["greater"]], count_less = cn[["less"]],
                     null_beta_lo = q[1], null_beta_hi = q[2])
  }
  list(name = name, kind = "exact", method = method, permutations = nrow(perms),
       outcome = data[[y]], predictors = as.list(xs), predictor_values = lapply(xs, function(x) data[[x]]),
       tests = res)
}

# Monte Carlo: B random permutations, in chunks, on the QR of the fixed design.
mc_case <- function(name, data, y, xs, method, B = 100000, chunk = 5000) {
  set.seed(20261203)
  X <- cbind(1, as.matrix(data[, xs, drop = FALSE]))
  n <- nrow(X); df <- n - ncol(X)
  qx <- qr(X)
  dinv <- diag(chol2inv(qr.R(qx)))
  sdx <- apply(X[, -1, drop = FALSE], 2, sd)
  obs <- lm_stats(data, y, xs, data[[y]])
  perms <- replicate(B, sample.int(n))
  res <- list()
  for (j in seq_along(xs)) {
    if (method == "outcome") {
      base <- rep(0, n); e <- data[[y]]
    } else {
      red <- if (length(xs) > 1) lm(formula_of(y, xs[-j]), data = data) else lm(as.formula(paste(y, "~ 1")), data = data)
      base <- fitted(red); e <- residuals(red)
    }
    tstar <- numeric(0); bstar <- numeric(0)
    for (s in seq(1, B, by = chunk)) {
      idx <- s:min(B, s + chunk - 1)
      Y <- base + matrix(e[perms[, idx]], n, length(idx))
      b <- qr.coef(qx, Y)[j + 1, ]
      rss <- colSums(qr.resid(qx, Y)^2)
      tstar <- c(tstar, b / sqrt(rss / df * dinv[j + 1]))
      bstar <- c(bstar, b * sdx[j] / apply(Y, 2, sd))
    }
    cn <- counts(tstar, obs$t[j])
    q <- quantile(bstar, c(0.025, 0.975), type = 7, names = FALSE)
    res[[j]] <- list(term = xs[j], t = obs$t[j], p_two_sided = cn[["two"]] / B,
                     p_greater = cn[["greater"]] / B, p_less = cn[["less"]] / B,
                     null_beta_lo = q[1], null_beta_hi = q[2])
  }
  list(name = name, kind = "mc", method = method, permutations = B, seed = 20261203,
       outcome = data[[y]], predictors = as.list(xs), predictor_values = lapply(xs, function(x) data[[x]]),
       tests = res)
}

ht <- node_table(file.path(ref, "networkdata_ht_advice.graphml"))
flo <- node_table(file.path(ref, "networkdata_flo_marriage.graphml"))
ee <- read.csv(file.path(root, "tests/data/oracle/explain_cordis_ee_predictors.csv"))
dims <- c("closeness", "ego_size", "ext_share", "mean_tie_strength")

m <- lm(formula_of("n_projects_in_case", dims), data = ee)
s <- summary(m)
lm_case <- list(name = "cordis_ee n_projects_in_case ~ four dimensions", kind = "lm",
                n = nrow(ee), ids = as.character(ee$id),
                terms = c("(intercept)", dims), coef = unname(coef(m)),
                se = unname(s$coefficients[, 2]), t = unname(s$coefficients[, 3]),
                beta = c(NA, unname(coef(m)[-1] * sapply(dims, function(x) sd(ee[[x]])) / sd(ee$n_projects_in_case))),
                r2 = s$r.squared, adj_r2 = s$adj.r.squared)

cases <- list(lm_case)
for (method in c("outcome", "freedman-lane")) {
  cases[[length(cases) + 1]] <- exact_case("ht[1:7] tenure ~ age + level", ht[1:7, ], "tenure", c("age", "level"), method)
  cases[[length(cases) + 1]] <- exact_case("ht[1:7] age ~ tenure + level + dept", ht[1:7, ], "age", c("tenure", "level", "dept"), method)
  cases[[length(cases) + 1]] <- exact_case("flo[1:6] wealth ~ n_ties", flo[1:6, ], "wealth", "n_ties", method)
}
for (method in c("outcome", "freedman-lane")) {
  cases[[length(cases) + 1]] <- mc_case("ht tenure ~ age + level", ht, "tenure", c("age", "level"), method)
  cases[[length(cases) + 1]] <- mc_case("cordis_ee n_projects_in_case ~ four dimensions", ee, "n_projects_in_case", dims, method)
  cases[[length(cases) + 1]] <- mc_case("cordis_ee ec_contribution_case_eur ~ four dimensions (369 with a contribution)",
                                        ee[!is.na(ee$ec_contribution_case_eur), ], "ec_contribution_case_eur", dims, method)
}

# JSON by hand (base R only).
num <- function(x) ifelse(is.na(x), "null", trimws(formatC(x, digits = 17, format = "g")))
val <- function(v) {
  if (is.list(v) && !is.null(names(v))) return(paste0("{", paste0("\"", names(v), "\": ", sapply(v, val), collapse = ", "), "}"))
  if (is.list(v)) return(paste0("[", paste(sapply(v, val), collapse = ", "), "]"))
  if (is.character(v)) { s <- paste0("\"", v, "\""); return(if (length(v) == 1) s else paste0("[", paste(s, collapse = ", "), "]")) }
  if (is.logical(v) && length(v) == 1) return(tolower(as.character(v)))
  if (length(v) == 1) return(num(v))
  paste0("[", paste(num(v), collapse = ", "), "]")
}
cat("{\"provenance\": \"", R.version.string, ", lm()/summary.lm()/qr(); tests/data/oracle/explain_oracle.R; ",
    "predictors of cordis_ee from NetworkX (explain_predictors.py)\",\n \"cases\": [\n", sep = "")
cat(paste0("  ", sapply(cases, val), collapse = ",\n"), "\n]}\n", sep = "")
