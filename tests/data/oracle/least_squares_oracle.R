# Oracle for src/stats/least_squares: R's lm() and summary.lm() on actor attributes of two
# reference networks (tests/data/reference, from the R package networkdata), read here with base
# R's regular expressions, not through clusterlens.
#   Rscript tests/data/oracle/least_squares_oracle.R tests/data/reference > tests/data/oracle/least_squares_oracle.json
# Standardised coefficients: b_j * sd(x_j) / sd(y).
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "tests/data/reference"

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

fit <- function(name, data, y, xs) {
  f <- as.formula(paste(y, "~", paste(xs, collapse = " + ")))
  m <- lm(f, data = data)
  s <- summary(m)
  co <- s$coefficients
  beta <- c(NA, coef(m)[-1] * sapply(xs, function(x) sd(data[[x]])) / sd(data[[y]]))
  list(name = name, outcome = y, predictors = xs, outcome_values = data[[y]],
       predictor_values = lapply(xs, function(x) data[[x]]),
       coef = unname(co[, 1]), se = unname(co[, 2]), t = unname(co[, 3]),
       beta = unname(beta), r2 = s$r.squared, adj_r2 = s$adj.r.squared, sigma = s$sigma,
       rss = sum(residuals(m)^2), df = m$df.residual)
}

ht <- node_table(file.path(dir, "networkdata_ht_advice.graphml"))
flo <- node_table(file.path(dir, "networkdata_flo_marriage.graphml"))
cases <- list(
  fit("ht tenure ~ age + level", ht, "tenure", c("age", "level")),
  fit("ht age ~ tenure + level + dept", ht, "age", c("tenure", "level", "dept")),
  fit("flo wealth ~ n_priors + n_ties", flo, "wealth", c("n_priors", "n_ties"))
)
json_num <- function(x) ifelse(is.na(x), "null", trimws(formatC(x, digits = 17, format = "g")))
json_vec <- function(v) paste0("[", paste(json_num(v), collapse = ", "), "]")
cat("{\n  \"provenance\": \"R ", R.version$major, ".", R.version$minor,
    " lm()/summary.lm() by tests/data/oracle/least_squares_oracle.R on tests/data/reference\",\n",
    "  \"cases\": [\n", sep = "")
for (i in seq_along(cases)) {
  c <- cases[[i]]
  cat("    {\"name\": \"", c$name, "\", \"outcome\": ", json_vec(c$outcome_values),
      ",\n     \"predictors\": [", paste0("\"", c$predictors, "\"", collapse = ", "), "],",
      "\n     \"predictor_values\": [", paste(sapply(c$predictor_values, json_vec), collapse = ", "),
      "],\n     \"coef\": ", json_vec(c$coef), ", \"se\": ", json_vec(c$se),
      ", \"t\": ", json_vec(c$t), ", \"beta\": ", json_vec(c$beta),
      ",\n     \"r2\": ", json_num(c$r2), ", \"adj_r2\": ", json_num(c$adj_r2),
      ", \"sigma\": ", json_num(c$sigma), ", \"rss\": ", json_num(c$rss), ", \"df\": ", c$df,
      "}", if (i < length(cases)) "," else "", "\n", sep = "")
}
cat("  ]\n}\n")
