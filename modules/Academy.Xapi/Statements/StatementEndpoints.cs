using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Statements;

public static class StatementEndpoints
{
    public static IServiceCollection AddXapiStatements(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapStatements(this RouteGroupBuilder xapi)
    {
        xapi.MapGet("/statements", () => Results.StatusCode(501)).RequireXapiScope(XapiScopes.StatementsRead, XapiScopes.StatementsReadMine);
        return xapi;
    }
}
