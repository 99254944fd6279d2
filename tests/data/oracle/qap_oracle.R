# Oracle for src/stats/qap (clusterlens qap): R sna's gcor, qaptest and netlm, and exact
# enumerations done by hand, on reference networks read here with base R (regular expressions
# over the GraphML, the DL matrices read as numbers), not through clusterlens.
#   Rscript tests/data/oracle/qap_oracle.R tests/data/reference ../shared/corpus/ucinet/SAMPSON.DAT \
#     > tests/data/oracle/qap_oracle.json
# Networks: Krackhardt's 21 high-tech managers (advice, friends, reports; directed; attributes
# age, tenure, level, dept), Padgett's 16 Florentine families (marriage, business; undirected;
# wealth), Sampson's 18 monks (liking at times 1 and 3, SAMPLK1 and SAMPLK3: valued 1-3,
# directed). Matrices m[i, j] = tie i -> j, in the files' actor order.
# Covariates as clusterlens builds them: same:ATTR = 1*(x_i == x_j), diff:ATTR = |x_i - x_j|.
# Monte Carlo p-values: set.seed(1), reps = 10000 (a third argument changes it). Exact: all
# 7! = 5040 relabellings x[p, p] of the first 7 managers and of the first 7 families,
# enumerated below, for the correlation, semi-partialling (sna's qapspp written out: lm() per
# relabelling) and Y-permutation; the statistic s* (r or t) is counted as at least as extreme
# when it is within 1e-9 (relative to max(1, |s|)) of the observed one, and `nearest_other`
# reports the nearest s* not counted as equal, so that any tolerance between them gives the
# same counts.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "tests/data/reference"
sampson <- if (length(args) > 1) args[2] else "../shared/corpus/ucinet/SAMPSON.DAT"
reps <- if (length(args) > 2) as.integer(args[3]) else 10000

graphml <- function(path) {
  lines <- readLines(path)
  ids <- sub('.*<node id="([^"]*)".*', "\\1", grep("<node id=", lines, value = TRUE))
  e <- grep("<edge ", lines, value = TRUE)
  s <- match(sub('.*source="([^"]*)".*', "\\1", e), ids)
  t <- match(sub('.*target="([^"]*)".*', "\\1", e), ids)
  directed <- grepl('edgedefault="directed"', paste(lines, collapse = " "))
  m <- matrix(0, length(ids), length(ids))
  m[cbind(s, t)] <- 1
  if (!directed) m[cbind(t, s)] <- 1
  keys <- regmatches(lines, regexpr('<key id="[^"]*" for="node" attr.name="[^"]*" attr.type="double"', lines))
  kid <- sub('<key id="([^"]*)".*', "\\1", keys)
  names(kid) <- sub('.*attr.name="([^"]*)".*', "\\1", keys)
  attrs <- list(); cur <- NULL; rows <- list()
  for (l in lines) {
    if (grepl("<node ", l)) cur <- list()
    mm <- regmatches(l, regexec('<data key="([^"]*)">([^<]*)</data>', l))[[1]]
    if (!is.null(cur) && length(mm) == 3) cur[[mm[2]]] <- mm[3]
    if (grepl("</node>", l)) { rows[[length(rows) + 1]] <- cur; cur <- NULL }
  }
  for (nm in names(kid)) attrs[[nm]] <- as.numeric(sapply(rows, function(r) r[[kid[[nm]]]]))
  list(m = m, attrs = attrs, directed = directed)
}

dl_matrices <- function(path) {
  lines <- readLines(path)
  n <- as.integer(sub(".*N=([0-9]+).*", "\\1", lines[2]))
  levels <- lines[(grep("LEVEL LABELS:", lines) + 1):(grep("^DATA:", lines) - 1)]
  vals <- scan(text = lines[(grep("^DATA:", lines) + 1):length(lines)], quiet = TRUE)
  out <- list()
  for (k in seq_along(levels)) {
    m <- matrix(vals[(k - 1) * n * n + seq_len(n * n)], n, n, byrow = TRUE)
    diag(m) <- 0
    out[[levels[k]]] <- m
  }
  out
}

same <- function(x) 1 * outer(x, x, "==")
diff <- function(x) abs(outer(x, x, "-"))
mode_of <- function(directed) if (directed) "digraph" else "graph"
json_num <- function(x) ifelse(is.na(x), "null", trimws(formatC(x, digits = 17, format = "g")))
json_vec <- function(v) paste0("[", paste(json_num(v), collapse = ", "), "]")
json_str <- function(v) paste0("[", paste0("\"", v, "\"", collapse = ", "), "]")

correlation_case <- function(name, y, x, directed) {
  mode <- mode_of(directed)
  set.seed(1)
  q <- qaptest(list(y, x), gcor, g1 = 1, g2 = 2, mode = mode, reps = reps)
  d <- q$dist
  paste0('    {"name": "', name, '", "r": ', json_num(gcor(y, x, mode = mode)),
         ', "reps": ', reps, ', "p_two_sided": ', json_num(mean(abs(d) >= abs(q$testval))),
         ', "p_greater": ', json_num(q$pgreq), ', "p_less": ', json_num(q$pleeq), "}")
}

regression_case <- function(name, y, xs, directed, nullhyp) {
  mode <- mode_of(directed)
  set.seed(1)
  fit <- netlm(y, xs, mode = mode, nullhyp = nullhyp, reps = reps)
  # lm() on the same dyads: coefficients, t, R^2 and standardised coefficients.
  sel <- if (directed) row(y) != col(y) else lower.tri(y)
  d <- data.frame(y = y[sel], sapply(xs, function(x) x[sel]))
  m <- lm(y ~ ., data = d)
  s <- summary(m)
  beta <- c(NA, coef(m)[-1] * sapply(d[-1], sd) / sd(d$y))
  paste0('    {"name": "', name, '", "nullhyp": "', nullhyp, '", "reps": ', reps,
         ', "dyads": ', nrow(d),
         ',\n     "coef": ', json_vec(fit$coefficients), ', "lm_coef": ', json_vec(coef(m)),
         ',\n     "t": ', json_vec(fit$tstat), ', "se": ', json_vec(s$coefficients[, 2]),
         ',\n     "beta": ', json_vec(beta), ', "r2": ', json_num(s$r.squared),
         ', "adj_r2": ', json_num(s$adj.r.squared),
         ',\n     "p_two_sided": ', json_vec(fit$pgreqabs), ', "p_greater": ', json_vec(fit$pgreq),
         ', "p_less": ', json_vec(fit$pleeq), "}")
}

# Every permutation of 1..n (lexicographic order).
all_perms <- function(n) {
  if (n == 1) return(matrix(1, 1, 1))
  sub <- all_perms(n - 1)
  do.call(rbind, lapply(1:n, function(first) cbind(first, matrix((1:n)[-first][sub], ncol = n - 1))))
}

count_extreme <- function(obs, dist) {
  tol <- 1e-9 * max(1, abs(obs))
  eq <- abs(dist - obs) <= tol | abs(abs(dist) - abs(obs)) <= tol
  others <- c(abs(dist[!eq] - obs), abs(abs(dist[!eq]) - abs(obs)))
  list(two = sum(abs(dist) >= abs(obs) - tol), greater = sum(dist >= obs - tol),
       less = sum(dist <= obs + tol), nearest = if (length(others)) min(others) else NA)
}

exact_correlation <- function(name, y, x, directed) {
  mode <- mode_of(directed)
  perms <- all_perms(nrow(y))
  obs <- gcor(y, x, mode = mode)
  dist <- apply(perms, 1, function(p) gcor(y, x[p, p], mode = mode))
  k <- count_extreme(obs, dist)
  paste0('    {"name": "', name, '", "r": ', json_num(obs), ', "permutations": ', nrow(perms),
         ', "count_two_sided": ', k$two, ', "count_greater": ', k$greater,
         ', "count_less": ', k$less, ', "nearest_other": ', json_num(k$nearest), "}")
}

# Double semi-partialling by hand: for term k, residualise x_k on the other columns (the
# intercept among them unless k is the intercept), permute the residual matrix, refit y on
# [others, residual*] and take the t of the residual (sna's qapspp, written out).
exact_dsp <- function(name, y, xs, directed) {
  sel <- if (directed) row(y) != col(y) else lower.tri(y)
  cols <- c(list(matrix(1, nrow(y), ncol(y))), xs)
  X <- sapply(cols, function(m) m[sel])
  yv <- y[sel]
  tval <- function(Xm) { f <- summary(lm(yv ~ Xm - 1))$coefficients; f[nrow(f), 3] }
  perms <- all_perms(nrow(y))
  out <- c()
  for (k in seq_along(cols)) {
    res <- cols[[k]]
    res[sel] <- residuals(lm(X[, k] ~ X[, -k, drop = FALSE] - 1))
    if (!directed) res[upper.tri(res)] <- t(res)[upper.tri(res)]
    obs <- tval(cbind(X[, -k, drop = FALSE], res[sel]))
    dist <- apply(perms, 1, function(p) tval(cbind(X[, -k, drop = FALSE], res[p, p][sel])))
    kk <- count_extreme(obs, dist)
    out <- c(out, paste0('{"t": ', json_num(obs), ', "count_two_sided": ', kk$two,
                         ', "count_greater": ', kk$greater, ', "count_less": ', kk$less,
                         ', "nearest_other": ', json_num(kk$nearest), "}"))
  }
  paste0('    {"name": "', name, '", "permutations": ', nrow(perms), ', "terms":\n      [',
         paste(out, collapse = ",\n       "), "]}")
}

# Y-permutation by hand: permute y, refit on [1, x's], the t of every term (netlm's qapy).
exact_qapy <- function(name, y, xs, directed) {
  sel <- if (directed) row(y) != col(y) else lower.tri(y)
  X <- sapply(xs, function(m) m[sel])
  tvals <- function(yv) summary(lm(yv ~ X))$coefficients[, 3]
  perms <- all_perms(nrow(y))
  obs <- tvals(y[sel])
  dist <- t(apply(perms, 1, function(p) tvals(y[p, p][sel])))
  out <- c()
  for (k in seq_along(obs)) {
    kk <- count_extreme(obs[k], dist[, k])
    out <- c(out, paste0('{"t": ', json_num(obs[k]), ', "count_two_sided": ', kk$two,
                         ', "count_greater": ', kk$greater, ', "count_less": ', kk$less,
                         ', "nearest_other": ', json_num(kk$nearest), "}"))
  }
  paste0('    {"name": "', name, '", "permutations": ', nrow(perms), ', "terms":\n      [',
         paste(out, collapse = ",\n       "), "]}")
}

ht_adv <- graphml(file.path(dir, "networkdata_ht_advice.graphml"))
ht_fr <- graphml(file.path(dir, "networkdata_ht_friends.graphml"))
ht_rep <- graphml(file.path(dir, "networkdata_ht_reports.graphml"))
flo_m <- graphml(file.path(dir, "networkdata_flo_marriage.graphml"))
flo_b <- graphml(file.path(dir, "networkdata_flo_business.graphml"))
samp <- dl_matrices(sampson)
a <- ht_adv$attrs
ht_x <- list(ht_fr$m, ht_rep$m, same(a$dept), diff(a$age))
s7 <- 1:7

corr <- c(
  correlation_case("ht advice ~ friends", ht_adv$m, ht_fr$m, TRUE),
  correlation_case("flo marriage ~ business", flo_m$m, flo_b$m, FALSE),
  correlation_case("sampson SAMPLK3 ~ SAMPLK1 valued", samp$SAMPLK3, samp$SAMPLK1, TRUE),
  correlation_case("sampson SAMPLK3 ~ SAMPLK1 binary", 1 * (samp$SAMPLK3 > 0),
                   1 * (samp$SAMPLK1 > 0), TRUE))
regr <- c(
  regression_case("ht advice ~ friends + reports + same:dept + diff:age", ht_adv$m, ht_x, TRUE, "qapspp"),
  regression_case("ht advice ~ friends + reports + same:dept + diff:age", ht_adv$m, ht_x, TRUE, "qapy"),
  regression_case("flo marriage ~ business + diff:wealth", flo_m$m,
                  list(flo_b$m, diff(flo_m$attrs$wealth)), FALSE, "qapspp"))
exact <- c(
  exact_correlation("ht first 7: advice ~ friends", ht_adv$m[s7, s7], ht_fr$m[s7, s7], TRUE),
  exact_correlation("flo first 7: marriage ~ business", flo_m$m[s7, s7], flo_b$m[s7, s7], FALSE),
  exact_dsp("ht first 7: advice ~ friends + diff:age", ht_adv$m[s7, s7],
            list(ht_fr$m[s7, s7], diff(a$age[s7])), TRUE),
  exact_qapy("ht first 7: advice ~ friends + diff:age, qapy", ht_adv$m[s7, s7],
             list(ht_fr$m[s7, s7], diff(a$age[s7])), TRUE),
  exact_dsp("flo first 7: marriage ~ business + diff:wealth", flo_m$m[s7, s7],
            list(flo_b$m[s7, s7], diff(flo_m$attrs$wealth[s7])), FALSE))

cat("{\n  \"provenance\": \"R ", R.version$major, ".", R.version$minor, ", sna ",
    as.character(packageVersion("sna")),
    ": gcor, qaptest, netlm (set.seed(1) before each, reps ", reps, ") and exact enumerations by ",
    "tests/data/oracle/qap_oracle.R on tests/data/reference and SAMPSON.DAT\",\n",
    "  \"correlations\": [\n", paste(corr, collapse = ",\n"), "\n  ],\n",
    "  \"regressions\": [\n", paste(regr, collapse = ",\n"), "\n  ],\n",
    "  \"exact\": [\n", paste(exact, collapse = ",\n"), "\n  ]\n}\n", sep = "")
