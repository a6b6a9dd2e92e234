using System.Globalization;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Dunning.Tests.Insight;

/// <summary>
/// A realistic, deterministic payment history to train and evaluate the risk model on (docs/insight.md, "Synthetic history").
/// </summary>
/// <remarks>
/// <para>Each customer has a latent reliability <c>r ~ N(0, 1)</c> that drifts as a random walk (<c>+N(0, 0.15)</c> a month),
/// joins in a random month (a third at the start), and is billed monthly on its own due day (1–28), issued 15 days before,
/// with an amount <c>base · e^N(0, 0.1)</c> around a log-normal base (median R$ 800).</para>
/// <para>A charge is paid late with probability <c>σ(−1.2 − 1.3 r + 0.35 ln(amount ÷ 800) + season + newcomer)</c>, where
/// season is +0.5 in December and January (holidays, school fees) and +0.2 in July, and newcomer is +0.4 in the first three
/// months. A late charge is paid <c>1 + Geometric(mean e^(2 − 0.5 r))</c> days (at most 180) after its adjusted due date, or
/// never (probability <c>σ(−3.5 − 1.2 r)</c>): it then stays open, or one in four goes to an agreement. An on-time charge is
/// paid 0 to 10 days before its adjusted due date. 2% of charges are cancelled. Payments after <c>end</c> are not known yet:
/// those charges are open on <c>end</c>.</para>
/// </remarks>
internal static class SyntheticHistory
{
    public static LocalDate Start { get; } = new(2024, 1, 1);

    public static IReadOnlyList<Charge> Generate(int seed, int customers, int months, LocalDate end)
    {
        var random = new Random(seed);
        var calendar = BusinessCalendar.BrazilBanking;
        var charges = new List<Charge>();
        for (var k = 0; k < customers; k++)
        {
            var customerId = "K-" + k.ToString("D5", CultureInfo.InvariantCulture);
            var reliability = Normal(random);
            var joinMonth = random.NextDouble() < 1.0 / 3 ? 0 : random.Next(0, months - 3);
            var baseAmount = 800.0 * Math.Exp(0.8 * Normal(random));
            var dueDay = random.Next(1, 29);
            for (var m = joinMonth; m < months; m++)
            {
                reliability += 0.15 * Normal(random);
                var due = Start.PlusMonths(m).With(d => new LocalDate(d.Year, d.Month, dueDay));
                var issue = due.PlusDays(-15);
                if (issue > end)
                {
                    break;
                }

                var amount = Math.Round((decimal)(baseAmount * Math.Exp(0.1 * Normal(random))), 2);
                var season = due.Month is 12 or 1 ? 0.5 : due.Month == 7 ? 0.2 : 0.0;
                var newcomer = m - joinMonth < 3 ? 0.4 : 0.0;
                var logit = -1.2 - (1.3 * reliability) + (0.35 * Math.Log((double)amount / 800.0)) + season + newcomer;
                var late = random.NextDouble() < Sigmoid(logit);
                var adjusted = calendar.NextBusinessDay(due);
                var id = customerId + "-" + m.ToString("D3", CultureInfo.InvariantCulture);
                var charge = new Charge { Id = id, CustomerId = customerId, Amount = amount, IssueDate = issue, DueDate = due };

                if (random.NextDouble() < 0.02)
                {
                    charges.Add(charge with { Status = ChargeStatus.Cancelled });
                    continue;
                }

                LocalDate? paid;
                var agreement = false;
                if (!late)
                {
                    paid = adjusted.PlusDays(-random.Next(0, 11));
                }
                else if (random.NextDouble() < Sigmoid(-3.5 - (1.2 * reliability)))
                {
                    paid = null;
                    agreement = random.NextDouble() < 0.25;
                }
                else
                {
                    var mean = Math.Exp(2 - (0.5 * reliability));
                    var days = 1 + (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - (1 / (mean + 1))));
                    paid = adjusted.PlusDays(Math.Min(180, days));
                }

                if (paid is { } p && p <= end)
                {
                    charges.Add(charge with { Status = ChargeStatus.Paid, PaidAmount = amount, PaidDate = p });
                }
                else
                {
                    charges.Add(agreement && adjusted < end ? charge with { Status = ChargeStatus.Agreement } : charge);
                }
            }
        }

        return charges;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
