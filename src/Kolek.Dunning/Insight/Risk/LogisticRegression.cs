namespace Kolek.Dunning.Insight.Risk;

/// <summary>L2-regularised logistic regression fitted by Newton's method (IRLS): deterministic, no randomness.</summary>
/// <remarks>
/// The inputs are already standardised. The intercept (weight 0) is not penalised. Each Newton step solves
/// <c>(XᵀWX + λI) Δ = Xᵀ(y − p) − λw</c> by Cholesky; the Hessian is positive definite because λ &gt; 0, so the step
/// always exists, even for perfectly separable data. At most <c>iterations</c> steps; stops early once a step is
/// below 1e-10, which is itself a deterministic function of the data.
/// </remarks>
internal static class LogisticRegression
{
    private const double LogitClamp = 35;

    public static double Sigmoid(double z)
    {
        z = Math.Clamp(z, -LogitClamp, LogitClamp);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Fits the weights; index 0 is the intercept, index <c>j + 1</c> the weight of input <c>j</c>.</summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double lambda, int iterations)
    {
        var d = x[0].Length + 1;
        var w = new double[d];
        var row = new double[d];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var j = 1; j < d; j++)
            {
                gradient[j] = -lambda * w[j];
                hessian[j, j] = lambda;
            }

            for (var i = 0; i < x.Count; i++)
            {
                row[0] = 1;
                Array.Copy(x[i], 0, row, 1, d - 1);
                var z = 0.0;
                for (var j = 0; j < d; j++)
                {
                    z += w[j] * row[j];
                }

                var p = Sigmoid(z);
                var residual = (y[i] ? 1 : 0) - p;
                var weight = Math.Max(p * (1 - p), 1e-12);
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += residual * row[j];
                    for (var k = 0; k <= j; k++)
                    {
                        hessian[j, k] += weight * row[j] * row[k];
                    }
                }
            }

            for (var j = 0; j < d; j++)
            {
                for (var k = j + 1; k < d; k++)
                {
                    hessian[j, k] = hessian[k, j];
                }
            }

            var step = SolveCholesky(hessian, gradient);
            var largest = 0.0;
            for (var j = 0; j < d; j++)
            {
                w[j] += step[j];
                largest = Math.Max(largest, Math.Abs(step[j]));
            }

            if (largest < 1e-10)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>Solves <c>A s = b</c> for a symmetric positive-definite <c>A</c>.</summary>
    internal static double[] SolveCholesky(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        var forward = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * forward[k];
            }

            forward[i] = sum / l[i, i];
        }

        var s = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = forward[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * s[k];
            }

            s[i] = sum / l[i, i];
        }

        return s;
    }
}
