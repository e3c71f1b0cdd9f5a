using Academy.Exemplars;
using Academy.Identity;
using Academy.Learning;
using Academy.Notifications;
using Academy.Theme.Nhs;
using Academy.Web.Hosting;
using Academy.Web.Operations;
using Academy.Web.Setup;
using Academy.Xapi;

var builder = WebApplication.CreateBuilder(args);

builder.AddAcademyOperations();   // logging, health, security headers, data folder
builder.AddAcademyModules(
    new ThemeModule(),
    new IdentityModule(),
    new NotificationsModule(),
    new XapiModule(),
    new LearningModule(),
    new ExemplarsModule());
builder.AddAcademySetup();        // first-run setup page, unattended setup, recipes

var app = builder.Build();

app.UseAcademyOperations();       // error pages, HTTPS, security headers, static files
app.UseAcademySetup();            // a fresh site sends people to /setup
app.UseAuthentication();
app.UseAuthorization();
app.MapAcademyModules();
app.MapAcademyOperations();       // /health

await app.RunAcademyAsync();      // migrations, module start-up, then serve

public partial class Program;
