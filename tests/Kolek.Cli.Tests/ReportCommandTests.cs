using System.Text.Json;
using Kolek.Cli.Report;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Cli.Tests;

/// <summary><c>kolek report</c> end to end on the bundled data, after a demo run for <c>--db</c>.</summary>
public sealed class ReportCommandTests : IClassFixture<ReportCommandTests.AfterDemo>
{
    private readonly AfterDemo _state;

    public ReportCommandTests(AfterDemo state) => _state = state;

    [Fact]
    public void Report_Json_HasTheShapeOfCliMd()
    {
        var json = _state.Report.Json();

        Assert.True(_state.Report.ExitCode == 0, _state.Report.Stderr);
        Assert.Equal("2026-12-03", json.GetProperty("asOf").GetString());
        var totals = json.GetProperty("totals");
        Assert.True(totals.GetProperty("openCharges").GetInt32() > 0);
        Assert.True(totals.GetProperty("overdue").GetDecimal() <= totals.GetProperty("outstanding").GetDecimal());
        Assert.InRange(totals.GetProperty("delinquencyRate").GetDecimal(), 0m, 1m);
        var aging = json.GetProperty("aging").EnumerateArray().ToList();
        Assert.Equal(["current", "1-30", "31-60", "61-90", "90+"], aging.Select(b => b.GetProperty("bucket").GetString()));
        Assert.Equal(totals.GetProperty("outstanding").GetDecimal(), aging.Sum(b => b.GetProperty("amount").GetDecimal()));
        Assert.Equal(totals.GetProperty("openCharges").GetInt32(), aging.Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.Number, json.GetProperty("dso").ValueKind);
        Assert.InRange(json.GetProperty("cei").GetDecimal(), 0m, 1m);
        var risk = json.GetProperty("risk").EnumerateArray().ToList();
        var customersWithCharges = CustomersWithChargesIssuedBy(Kolek.DataFile("charges.csv"), "2026-12-03");
        Assert.Equal(customersWithCharges, risk.Select(r => r.GetProperty("customerId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(risk, r =>
        {
            Assert.InRange(r.GetProperty("score").GetDouble(), 0.0, 1.0);
            Assert.Contains(r.GetProperty("segment").GetString(), new[] { "bom-pagador", "atencao", "risco" });
            Assert.NotEmpty(r.GetProperty("reasons").EnumerateArray());
        });
        var scores = risk.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var delinquents = json.GetProperty("delinquents").EnumerateArray().ToList();
        Assert.NotEmpty(delinquents);
        Assert.All(delinquents, d =>
        {
            Assert.False(string.IsNullOrEmpty(d.GetProperty("customerId").GetString()));
            Assert.False(string.IsNullOrEmpty(d.GetProperty("name").GetString()));
            Assert.True(d.GetProperty("oldestDaysLate").GetInt32() > 0);
            Assert.True(d.GetProperty("charges").GetInt32() > 0);
        });
        var overdue = delinquents.Select(d => d.GetProperty("overdue").GetDecimal()).ToList();
        Assert.Equal(overdue.OrderByDescending(o => o), overdue);
        Assert.Equal(totals.GetProperty("overdue").GetDecimal(), overdue.Sum());

        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("stepId").GetString()));
            Assert.False(string.IsNullOrEmpty(s.GetProperty("channel").GetString()));
            Assert.True(s.GetProperty("sent").GetInt32() > 0);
            Assert.InRange(s.GetProperty("paidWithin7Days").GetInt32(), 0, s.GetProperty("charges").GetInt32());
            Assert.InRange(s.GetProperty("rate").GetDecimal(), 0m, 1m);
        });
        Assert.Contains(steps, s => s.GetProperty("paidWithin7Days").GetInt32() > 0);
    }

    [Fact]
    public void Report_Totals_AreTheDemosTotals()
    {
        var report = _state.Report.Json();
        var demo = _state.Demo.Json();

        Assert.Equal(demo.GetProperty("totals").GetRawText(), report.GetProperty("totals").GetRawText());
        Assert.Equal(demo.GetProperty("aging").GetRawText(), report.GetProperty("aging").GetRawText());
        Assert.Equal(demo.GetProperty("delinquents").GetRawText(), report.GetProperty("delinquents").GetRawText());
        Assert.Equal(
            demo.GetProperty("messages").EnumerateArray().Sum(m => m.GetProperty("sent").GetInt32()),
            report.GetProperty("steps").EnumerateArray().Sum(m => m.GetProperty("sent").GetInt32()));
    }

    [Fact]
    public void Report_Tables_PrintTheAgingAndKpis()
    {
        var result = Kolek.Run(_state.Folder, "report", "--charges", Kolek.DataFile("charges.csv"), "--customers", Kolek.DataFile("customers.csv"),
            "--db", _state.Db, "--as-of", "2026-12-03");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Relatório da carteira", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("DSO", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Aging em 03/12/2026", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutDb_HasNoSteps()
    {
        var result = Kolek.Run(_state.Folder, "report", "--charges", Kolek.DataFile("charges.csv"), "--as-of", "2026-12-03", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(0, result.Json().GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public void Report_BadInput_RejectsTheRowOrExitsTwoForUsage()
    {
        var folder = Scratch.Folder();
        var charges = Path.Combine(folder, "charges.csv");
        File.WriteAllLines(charges,
        [
            "id,customer_id,amount,issue_date,due_date,status,paid_amount,nosso_numero,txid,linha_digitavel,pix_copia_e_cola",
            "C-1,K-1,100.00,2026-11-01,2026-11-20,open,0,,,,",
            "C-2,K-1,abc,2026-11-01,2026-11-20,open,0,,,,",
        ]);

        var badCell = Kolek.Run(folder, "report", "--charges", charges, "--as-of", "2026-12-03", "--json");
        var noAsOf = Kolek.Run(folder, "report", "--charges", Kolek.DataFile("charges.csv"));
        var noDb = Kolek.Run(folder, "report", "--charges", Kolek.DataFile("charges.csv"), "--as-of", "2026-12-03", "--db", Path.Combine(folder, "missing.db"));

        Assert.Equal(3, badCell.ExitCode);
        Assert.Contains("charges.csv:3 [amount]", badCell.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, badCell.Json().GetProperty("totals").GetProperty("openCharges").GetInt32());
        Assert.Equal(2, noAsOf.ExitCode);
        Assert.Contains("--as-of", noAsOf.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noDb.ExitCode);
        Assert.Contains("missing.db", noDb.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "missing.db")));
    }

    /// <summary>Found by a user trial: these charges were read silently (a negative amount vanished from every figure). They
    /// are rejected with their line and column, the report covers the other rows and exits 3 (CLI.md: malformed content is
    /// never exit 2).</summary>
    [Theory]
    [InlineData("C-2,K-1,-10.00,2026-11-01,2026-11-20,open,0,,,,,", "amount")]
    [InlineData("C-2,K-1,10.00,2026-11-01,2026-11-20,open,20.00,,,,,", "paid_amount")]
    [InlineData("C-2,K-1,10.00,2026-11-01,2026-10-20,open,0,,,,,", "due_date")]
    [InlineData("C-2,K-1,10.00,2026-11-01,2026-11-20,paid,10.00,,,,,2026-10-01", "paid_date")]
    public void Report_ContradictoryCharge_IsRejectedNamingLineAndField(string line, string field)
    {
        var folder = Scratch.Folder();
        var charges = Path.Combine(folder, "charges.csv");
        File.WriteAllLines(charges,
        [
            "id,customer_id,amount,issue_date,due_date,status,paid_amount,nosso_numero,txid,linha_digitavel,pix_copia_e_cola,paid_date",
            "C-1,K-1,100.00,2026-11-01,2026-11-20,open,0,,,,,",
            line,
        ]);

        var result = Kolek.Run(folder, "report", "--charges", charges, "--as-of", "2026-12-03", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("charges.csv:3", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(field, result.Stderr, StringComparison.Ordinal);
        var error = Assert.Single(result.Json().GetProperty("inputErrors").EnumerateArray().ToList());
        Assert.Equal("input.csv", error.GetProperty("code").GetString());
        Assert.Equal(100.00m, result.Json().GetProperty("totals").GetProperty("outstanding").GetDecimal());
        Assert.EndsWith("charges.csv:3 [" + field + "]", error.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Found by a user trial: a charge whose customer CUSTOMERS.csv lacks was reported with an empty name and no word.</summary>
    [Fact]
    public void Report_ChargeOfACustomerMissingFromCustomers_WarnsOnceAndStillCountsIt()
    {
        var folder = Scratch.Folder();
        var charges = Path.Combine(folder, "charges.csv");
        var customers = Path.Combine(folder, "customers.csv");
        File.WriteAllLines(charges,
        [
            "id,customer_id,amount,issue_date,due_date,status",
            "C-1,K-1,100.00,2026-10-01,2026-10-20,open",
            "C-2,K-9,40.00,2026-10-01,2026-10-20,open",
            "C-3,K-9,60.00,2026-10-01,2026-10-21,open",
        ]);
        File.WriteAllLines(customers, ["id,name", "K-1,Padaria Boa Vista"]);

        var result = Kolek.Run(folder, "report", "--charges", charges, "--customers", customers, "--as-of", "2026-12-03", "--json");

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Json().GetProperty("inputWarnings").EnumerateArray().ToList());
        Assert.Equal("input.customer.unknown", warning.GetProperty("code").GetString());
        Assert.Contains("'K-9'", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("input.customer.unknown", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(200.00m, result.Json().GetProperty("totals").GetProperty("outstanding").GetDecimal());
    }

    /// <summary>Found by a user trial: the trend chart of a portfolio that started last month showed months of zeros first.</summary>
    [Fact]
    public void Report_YoungPortfolio_TrendStartsAtItsFirstMonthInHtmlButJsonKeepsEveryPoint()
    {
        var folder = Scratch.Folder();
        var charges = Path.Combine(folder, "charges.csv");
        var html = Path.Combine(folder, "r.html");
        File.WriteAllLines(charges, ["id,customer_id,amount,issue_date,due_date,status", "C-1,K-1,100.00,2026-11-10,2026-11-20,open"]);

        var result = Kolek.Run(folder, "report", "--charges", charges, "--as-of", "2026-12-03", "--html", html, "--json");

        Assert.Equal(0, result.ExitCode);
        var trend = result.Json().GetProperty("trend").EnumerateArray().ToList();
        Assert.True(trend.Count > 2, "the JSON keeps the zero months");
        Assert.Equal(0m, trend[0].GetProperty("receivables").GetDecimal());
        var page = File.ReadAllText(html);
        var start = page.IndexOf("chart-trend", StringComparison.Ordinal);
        var chart = page[start..page.IndexOf("</svg>", start, StringComparison.Ordinal)];
        Assert.Contains("11/2026", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("10/2026", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UsageErrorWithJson_PrintsTheErrorAsJsonOnStdout()
    {
        var result = Kolek.Run(Scratch.Folder(), "report", "--charges", Kolek.DataFile("charges.csv"), "--json");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Json().GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal("cli.usage", error.GetProperty("code").GetString());
        Assert.Contains("--as-of", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesCustomerNamesAndIsSelfContained()
    {
        const string name = "<script>alert(\"x\")</script> & Filhos 'Ltda'";
        var customer = new Customer { Id = "K-<1>", Name = name };
        var charge = new Charge { Id = "C-1", CustomerId = "K-<1>", Amount = 1234.56m, IssueDate = new LocalDate(2026, 10, 1), DueDate = new LocalDate(2026, 10, 30) };
        var insight = PortfolioAnalytics.Insight([new CustomerCharge(charge, customer)], new LocalDate(2026, 12, 3), BusinessCalendar.BrazilBanking);

        var html = HtmlReport.Write(new InsightReport(insight, [new RiskRow("K-<1>", 0.83, "<b>alto</b>", ["atrasou 3 de 4 & <i>mais</i>"])], HasJournal: false));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>alto", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>mais", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Filhos &#39;Ltda&#39;", html, StringComparison.Ordinal);
        Assert.Contains("K-&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("R$ 1.234,56", html, StringComparison.Ordinal);
        Assert.Contains("Relatório da carteira", html, StringComparison.Ordinal); // UTF-8 text stays as it is
        Assert.Contains("03/12/2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<svg ").Length - 1);
    }

    /// <summary>Found by a user trial: "1 cobranças", "1 clientes inadimplentes".</summary>
    [Fact]
    public void Html_OneLateCharge_CountsAreSingular()
    {
        var charge = new Charge { Id = "C-1", CustomerId = "K-1", Amount = 100m, IssueDate = new LocalDate(2026, 10, 1), DueDate = new LocalDate(2026, 10, 30) };
        var customer = new Customer { Id = "K-1", Name = "Cliente Um" };
        var insight = PortfolioAnalytics.Insight([new CustomerCharge(charge, customer)], new LocalDate(2026, 12, 3), BusinessCalendar.BrazilBanking);

        var html = HtmlReport.Write(new InsightReport(insight, [], HasJournal: false));

        Assert.Contains("1 cobrança<", html, StringComparison.Ordinal);
        Assert.Contains("1 cliente inadimplente<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1 cobranças", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithoutRiskRows_SaysThereIsNoHistory()
    {
        var insight = PortfolioAnalytics.Insight([], new LocalDate(2026, 12, 3), BusinessCalendar.BrazilBanking);

        var html = HtmlReport.Write(new InsightReport(insight, [], HasJournal: false));

        Assert.Contains(SvgChart.Esc(HtmlReport.NoRiskNote), html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-risk\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithRiskRows_HistogramCountsCustomersPerTenPercentBin()
    {
        var insight = PortfolioAnalytics.Insight([], new LocalDate(2026, 12, 3), BusinessCalendar.BrazilBanking);
        RiskRow[] risk =
        [
            new("K-1", 0.83, "risco alto", ["atrasou 3 de 4"]), new("K-2", 0.89, "risco alto", ["atrasos recentes"]),
            new("K-3", 0.05, "bom pagador", ["sempre em dia"]), new("K-4", 1.0, "risco alto", ["nunca pagou em dia"]),
        ];

        var html = HtmlReport.Write(new InsightReport(insight, risk, HasJournal: false));
        File.WriteAllText(Path.Combine(Scratch.Folder(), "risco.html"), html);

        var chart = html[html.IndexOf("<svg id=\"chart-risk\"", StringComparison.Ordinal)..];
        chart = chart[..(chart.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Contains("Clientes · 80–90%: 2</title>", chart, StringComparison.Ordinal);
        Assert.Contains("Clientes · 0–10%: 1</title>", chart, StringComparison.Ordinal);
        Assert.Contains("Clientes · 90–100%: 1</title>", chart, StringComparison.Ordinal); // a score of 1 falls in the last bin
        Assert.Contains("Clientes · 50–60%: 0</title>", chart, StringComparison.Ordinal);
        Assert.DoesNotContain(SvgChart.Esc(HtmlReport.NoRiskNote), html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("K-4", StringComparison.Ordinal) < html.IndexOf("K-3", StringComparison.Ordinal)); // riskiest first
    }

    /// <summary>One demo run (for its database), then the report as JSON and as HTML.</summary>
    // The customers of CHARGES.csv with a charge issued by asOf (ISO dates compare as strings), read independently of the CLI.
    private static List<string> CustomersWithChargesIssuedBy(string chargesCsv, string asOf)
    {
        var lines = File.ReadAllLines(chargesCsv);
        var header = lines[0].Split(',');
        int customer = Array.IndexOf(header, "customer_id"), issued = Array.IndexOf(header, "issue_date");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => string.CompareOrdinal(f[issued], asOf) <= 0)
            .Select(f => f[customer]).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public sealed class AfterDemo
    {
        public AfterDemo()
        {
            Folder = Scratch.Folder();
            Db = Path.Combine(Folder, "kolek-demo.db");
            Html = Path.Combine(Folder, "relatorio.html");
            Demo = Kolek.Run(Folder, "demo", "--db", Db, "--outbox", Path.Combine(Folder, "outbox"), "--json");
            Report = Kolek.Run(Folder, "report", "--charges", Kolek.DataFile("charges.csv"), "--customers", Kolek.DataFile("customers.csv"),
                "--db", Db, "--as-of", "2026-12-03", "--html", Html, "--json");
        }

        public string Folder { get; }

        public string Db { get; }

        public string Html { get; }

        public KolekResult Demo { get; }

        public KolekResult Report { get; }
    }
}
