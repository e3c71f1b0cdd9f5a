using Academy.Data;
using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Identity.Sessions;
using Academy.Identity.SignIn;
using Academy.Modules;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Identity;

public sealed class IdentityModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Identity", "Accounts, roles, trust membership, sign-in and user administration.", "/admin/users");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<AccountsDbContext, SqliteAccountsDbContext, SqlServerAccountsDbContext>(AccountsDbContext.MigrationsHistoryTable);

        builder.Services
            .AddIdentity<AcademyUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AcademyClaimsFactory>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "Academy.Session";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // JSON APIs answer 401/403; only pages redirect to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddDataProtection()
            .SetApplicationName("Academy")
            .PersistKeysToDbContext<AccountsDbContext>();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddAcademyPolicies();

        // Sessions live in the database (SessionStore); a security stamp changed anywhere else (a recipe, another
        // node) is noticed within a minute instead of Identity's default half hour.
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseSessionStore>();
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.AddOptions<AccountLimits>().Bind(builder.Configuration.GetSection("Academy:Accounts:Limits"));
        builder.Services.AddScoped<AccountThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<PasswordResetEmail>();
        builder.Services.AddScoped<Accounts.RegistrationEmail>();

        builder.Services.AddScoped<ISiteSettingsStore, SiteSettingsStore>();
        builder.Services.AddScoped<SiteSetup>();
        builder.Services.AddScoped<IStaffDirectory, StaffDirectory>();
        builder.Services.AddSingleton(new NavigationItem("Users", "/Admin/Users/Index", "Identity", 90, Policies.Administrator));
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.HttpContext.IsApiRequest() || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
