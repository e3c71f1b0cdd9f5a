// Sign-in and forgot-password timings by kind of address: dotnet run -c Release --project bench/Academy.Security.Bench [-- rounds]
using System.Diagnostics;
using Academy;
using Academy.Identity.Data;
using Academy.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

var rounds = args.Length > 0 ? int.Parse(args[0]) : 200;

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Academy.sln"))) root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ACADEMY_WEB", Path.Combine(root!.FullName, "site", "Academy.Web"));

// Limits raised out of the way: this measures the work each answer costs, not the throttle.
await using var site = AcademySite.Create(kestrel: true, overrides: new Dictionary<string, string?>
{
    ["Serilog:MinimumLevel:Default"] = "Error",
    ["Academy:Accounts:Limits:FailedSignInsPerAddressAndClient"] = "1000000", ["Academy:Accounts:Limits:FailedSignInsPerAddress"] = "1000000",
    ["Academy:Accounts:Limits:FailedSignInsPerClient"] = "1000000", ["Academy:Accounts:Limits:ResetRequestsPerAddress"] = "1000000",
    ["Academy:Accounts:Limits:ResetRequestsPerClient"] = "1000000",
});
var address = site.ServerAddress;
await site.CreateUserAsync("known@academy.test", [Roles.Learner]);
await site.CreateUserAsync("disabled@academy.test", [Roles.Learner]);
await site.WithServicesAsync(async sp =>
{
    var users = sp.GetRequiredService<UserManager<AcademyUser>>();
    var disabled = (await users.FindByEmailAsync("disabled@academy.test"))!;
    await users.SetLockoutEndDateAsync(disabled, AcademyUser.DisabledUntil);
    // An invited person who has not chosen a password yet: an account with no password hash.
    return await users.CreateAsync(new AcademyUser { UserName = "invited@academy.test", Email = "invited@academy.test", DisplayName = "Invited" });
});

using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
var signInToken = Forms.AntiForgeryToken(await http.GetStringAsync("/account/sign-in"))!;
var resetToken = Forms.AntiForgeryToken(await http.GetStringAsync("/account/forgot-password"))!;

(string Name, Func<int, Task> Run)[] cases =
[
    ("sign-in, account, wrong password", i => SignIn("known@academy.test", "wrong-password-" + i)),
    ("sign-in, no account", i => SignIn($"nobody-{i}@academy.test", "wrong-password-" + i)),
    ("sign-in, disabled account", i => SignIn("disabled@academy.test", "wrong-password-" + i)),
    ("sign-in, invited (no password yet)", i => SignIn("invited@academy.test", "wrong-password-" + i)),
    ("forgot-password, account", _ => Reset("known@academy.test")),
    ("forgot-password, no account", i => Reset($"nobody-{i}@academy.test")),
];

// Warm up every path, then interleave the cases round by round so that load on the machine falls on all alike.
for (var i = 0; i < 10; i++) foreach (var c in cases) await c.Run(i);
var timings = cases.Select(_ => new List<double>()).ToArray();
for (var i = 0; i < rounds; i++)
{
    for (var c = 0; c < cases.Length; c++)
    {
        var started = Stopwatch.GetTimestamp();
        await cases[c].Run(i);
        timings[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

Console.WriteLine($"{rounds} rounds, one client, {address}; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| Request | p10 ms | p50 ms | p90 ms | mean ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
for (var c = 0; c < cases.Length; c++)
{
    var t = timings[c].Order().ToList();
    double P(double q) => t[Math.Min(t.Count - 1, (int)(q * t.Count))];
    Console.WriteLine($"| {cases[c].Name} | {P(0.1):0.0} | {P(0.5):0.0} | {P(0.9):0.0} | {t.Average():0.0} |");
}

async Task SignIn(string email, string password)
{
    using var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = signInToken,
    }));
    if ((int)response.StatusCode != 200) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}");
    await response.Content.ReadAsStringAsync();
}

async Task Reset(string email)
{
    using var response = await http.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email, ["__RequestVerificationToken"] = resetToken,
    }));
    if ((int)response.StatusCode != 200) throw new InvalidOperationException($"Forgot-password answered {(int)response.StatusCode}");
    await response.Content.ReadAsStringAsync();
}
