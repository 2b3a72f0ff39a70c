# Reference values for test/stats/*.test.ts, computed with R (the tests do not need R: the values
# below are pasted into them, each with the R call that produced it).
# Run: Rscript test/stats/reference.R   (R 4.2.2, survival 3.5-3 were used)
suppressMessages(library(survival))
f <- function(v) ifelse(is.na(v), "null", sprintf("%.17g", v))
arr <- function(v) paste0("[", paste(f(v), collapse = ", "), "]")

cat("// ---- distributions ----\n")
tq <- c(-40, -12, -5, -2.5, -1.96, -1, -0.3, 0, 0.05, 0.7, 1.5, 2.228, 3.3, 8, 25)
tdf <- c(0.5, 1, 2, 3.7, 5, 10, 29.4, 100, 1234.5, 50000)
g <- expand.grid(q = tq, df = tdf)
cat("// pt(g$q, g$df) and pt(g$q, g$df, lower.tail = FALSE), g <- expand.grid(q = tq, df = tdf)\n")
cat("export const PT_LOWER =", arr(pt(g$q, g$df)), ";\n")
cat("export const PT_UPPER =", arr(pt(g$q, g$df, lower.tail = FALSE)), ";\n")
cq <- c(0.0001, 0.01, 0.3, 1, 2.7, 3.841458820694124, 6.6, 10, 25, 60, 150)
cdf <- c(1, 2, 3, 4, 7, 12, 30)
g2 <- expand.grid(q = cq, df = cdf)
cat("// pchisq(g2$q, g2$df) and pchisq(g2$q, g2$df, lower.tail = FALSE), g2 <- expand.grid(q = cq, df = cdf)\n")
cat("export const PCHISQ_LOWER =", arr(pchisq(g2$q, g2$df)), ";\n")
cat("export const PCHISQ_UPPER =", arr(pchisq(g2$q, g2$df, lower.tail = FALSE)), ";\n")
qp <- c(0.6, 0.9, 0.95, 0.975, 0.995, 0.9995)
qdf <- c(0.7, 1, 2, 3.3, 5, 12.25, 40, 333.3, 10000)
g3 <- expand.grid(p = qp, df = qdf)
cat("// qt(g3$p, g3$df), g3 <- expand.grid(p = qp, df = qdf)\n")
cat("export const QT =", arr(qt(g3$p, g3$df)), ";\n")
np <- c(1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.2, 0.5, 0.7, 0.975, 0.999999)
cat("// qnorm(np)\n")
cat("export const QNORM =", arr(qnorm(np)), ";\n")
nz <- c(-38, -10, -3, -1.5, 0, 0.5, 1.96, 5)
cat("// pnorm(nz)\n")
cat("export const PNORM =", arr(pnorm(nz)), ";\n")

cat("// ---- prop.test ----\n")
cases <- list(c(15,50,25,50), c(187,210,195,200), c(0,30,5,40), c(30,30,35,40), c(1,1,0,1),
              c(1,1,3,10), c(0,20,0,25), c(20,20,25,25), c(45,100,45,100), c(412,1000,377,1000),
              c(3,7,6,9), c(5,10,5,11))
for (cs in cases) for (corr in c(TRUE, FALSE)) {
  r <- suppressWarnings(prop.test(cs[c(1,3)], cs[c(2,4)], correct = corr))
  cat(sprintf("  // prop.test(c(%d, %d), c(%d, %d), correct = %s)\n", cs[1], cs[3], cs[2], cs[4], corr))
  cat(sprintf("  [%d, %d, %d, %d, %s, %s, %s, %s, %s, %s],\n", cs[1], cs[2], cs[3], cs[4], tolower(corr),
      f(unname(r$statistic)), f(r$p.value), f(r$conf.int[1]), f(r$conf.int[2]),
      tolower(grepl("with continuity", r$method))))
}

cat("// ---- fisher.test ----\n")
tabs <- list(c(3,1,1,3), c(0,30,5,35), c(30,0,35,5), c(1,0,0,1), c(1,0,3,7), c(0,20,0,25), c(7,3,2,8),
             c(12,5,6,14), c(45,55,45,55), c(3,4,6,3), c(10,0,0,10), c(2,8,8,2), c(5,5,5,5), c(1,1,0,0),
             c(187,23,195,5))
for (t in tabs) {
  p <- fisher.test(matrix(c(t[1], t[3], t[2], t[4]), 2))$p.value
  cat(sprintf("  // fisher.test(matrix(c(%d, %d, %d, %d), 2))$p.value\n  [%d, %d, %d, %d, %s],\n",
      t[1], t[3], t[2], t[4], t[1], t[2], t[3], t[4], f(p)))
}

cat("// ---- chisq.test ----\n")
ct <- list(list(m = rbind(c(10,20), c(30,40)), c = TRUE), list(m = rbind(c(10,20), c(30,40)), c = FALSE),
           list(m = rbind(c(12,15), c(30,22), c(8,13)), c = FALSE),
           list(m = rbind(c(5,0), c(10,12), c(3,4), c(20,18)), c = FALSE),
           list(m = rbind(c(3,1), c(1,3)), c = TRUE), list(m = rbind(c(3,1), c(1,3)), c = FALSE))
for (x in ct) {
  r <- suppressWarnings(chisq.test(x$m, correct = x$c))
  cat(sprintf("  // chisq.test(%s, correct = %s)\n", deparse1(x$m), x$c))
  cat(sprintf("  [%s, %s, %s, %d, %s],\n", gsub("\\(", "[", gsub("\\)", "]", paste0("[", paste(apply(x$m, 1, function(r) paste0("[", paste(r, collapse=", "), "]")), collapse = ", "), "]"))),
      tolower(x$c), f(unname(r$statistic)), unname(r$parameter), f(r$p.value)))
}

cat("// ---- t.test (Welch) ----\n")
wx <- list(list(c(1,2,3,4), c(2,4,6,8,10)),
           list(c(7.5, 12, 0, 37, 22.5, 15, 30, 8.25), c(10, 0, 5.5, 20, 12, 3)),
           list(c(1,3), c(2,7)),
           list(c(5,5,5), c(1,2,3,4)),
           list(((1:60) * 37) %% 101 / 4, ((1:45) * 53) %% 97 / 8 + 3))
for (w in wx) {
  r <- t.test(w[[1]], w[[2]])
  cat(sprintf("  // t.test(%s, %s)\n", deparse1(w[[1]]), deparse1(w[[2]])))
  cat(sprintf("  { t: %s, df: %s, p: %s, lo: %s, hi: %s, mx: %s, my: %s },\n", f(unname(r$statistic)),
      f(unname(r$parameter)), f(r$p.value), f(r$conf.int[1]), f(r$conf.int[2]), f(unname(r$estimate[1])), f(unname(r$estimate[2]))))
}

cat("// ---- survfit ----\n")
st <- c(1,2,2,2,3,4,4,5,7,7,8,10,10,12)
se <- c(1,1,1,0,1,0,1,1,0,1,1,0,0,1)
fit <- survfit(Surv(st, se) ~ 1)
cat("// fit <- survfit(Surv(c(1,2,2,2,3,4,4,5,7,7,8,10,10,12), c(1,1,1,0,1,0,1,1,0,1,1,0,0,1)) ~ 1)\n")
cat("// fit$time, fit$n.risk, fit$n.event, fit$n.censor, fit$surv, fit$std.err, fit$lower, fit$upper\n")
for (nm in c("time","n.risk","n.event","n.censor","surv","std.err","lower","upper")) cat(sprintf("  '%s': %s,\n", nm, arr(fit[[nm]])))

i <- 1:60; j <- 1:55
t1 <- (i * 37) %% 180 + 1; e1 <- as.integer(i %% 3 != 0)
t2 <- (j * 53) %% 200 + 1; e2 <- as.integer(j %% 4 != 0)
d <- data.frame(time = c(t1, t2), status = c(e1, e2), g = c(rep("a", 60), rep("b", 55)))
fit2 <- survfit(Surv(time, status) ~ g, data = d)
tt <- 7 * (1:26)
s <- summary(fit2, times = tt, extend = TRUE)
cat("// d: time = c((1:60 * 37) %% 180 + 1, (1:55 * 53) %% 200 + 1), status = c(1:60 %% 3 != 0, 1:55 %% 4 != 0), g = a×60, b×55\n")
cat("// s <- summary(survfit(Surv(time, status) ~ g, data = d), times = 7 * (1:26), extend = TRUE)\n")
for (gg in c("g=a", "g=b")) {
  k <- s$strata == gg
  cat(sprintf("  '%s': {\n", gg))
  for (nm in c("surv","std.err","lower","upper","n.risk")) cat(sprintf("    '%s': %s,\n", nm, arr(s[[nm]][k])))
  cat("  },\n")
}
sd <- survdiff(Surv(time, status) ~ g, data = d)
cat("// sd <- survdiff(Surv(time, status) ~ g, data = d); sd$obs, sd$exp, sd$var[1, 1], sd$chisq, pchisq(sd$chisq, 1, lower.tail = FALSE)\n")
cat(sprintf("  obs: %s, exp: %s, var: %s, chisq: %s, p: %s,\n", arr(sd$obs), arr(sd$exp), f(sd$var[1,1]), f(sd$chisq), f(pchisq(sd$chisq, 1, lower.tail = FALSE))))
# Ties across groups, event and censoring on the same day.
dt <- data.frame(time = c(3,3,3,5,5,8,8,8,9, 3,3,5,5,5,6,8,9,9), status = c(1,1,0,1,0,1,1,0,1, 1,0,1,1,0,1,0,1,1),
                 g = c(rep("a", 9), rep("b", 9)))
sd2 <- survdiff(Surv(time, status) ~ g, data = dt)
cat("// survdiff(Surv(time, status) ~ g, data = data.frame(time = c(3,3,3,5,5,8,8,8,9, 3,3,5,5,5,6,8,9,9), status = c(1,1,0,1,0,1,1,0,1, 1,0,1,1,0,1,0,1,1), g = rep(c('a','b'), each = 9)))\n")
cat(sprintf("  obs: %s, exp: %s, var: %s, chisq: %s, p: %s,\n", arr(sd2$obs), arr(sd2$exp), f(sd2$var[1,1]), f(sd2$chisq), f(pchisq(sd2$chisq, 1, lower.tail = FALSE))))
