namespace Academy.Web.Setup;

/// Unattended installs: when Academy:Setup:SiteName, AdminEmail and AdminPassword are configured
/// (environment variables Academy__Setup__SiteName and so on), setup runs at start with them and
/// Academy:Setup:Recipe, exactly as the setup page would. A site already set up is left alone.
public static class UnattendedSetup
{
    public static async Task RunIfConfiguredAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Academy:Setup");
        var siteName = section["SiteName"];
        var email = section["AdminEmail"];
        var password = section["AdminPassword"];
        if (string.IsNullOrWhiteSpace(siteName) || string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;

        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
        var result = await setup.RunAsync(new SetupRequest(siteName, email, password, section["Recipe"], section.GetValue("AllowRegistration", false)), cancellationToken);
        if (result is SetupResult.Refused refused)
            throw new InvalidOperationException($"Unattended setup failed ({refused.Field}): {refused.Message}");
    }
}
