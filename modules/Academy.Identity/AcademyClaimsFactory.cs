using System.Security.Claims;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Academy.Identity;

/// Puts the person's name and trust into their sign-in, so every module can scope by trust
/// without reading the accounts tables.
internal sealed class AcademyClaimsFactory(UserManager<AcademyUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AcademyUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AcademyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AcademyClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (!string.IsNullOrEmpty(user.TrustOdsCode)) identity.AddClaim(new Claim(AcademyClaims.Trust, user.TrustOdsCode));
        return identity;
    }
}
