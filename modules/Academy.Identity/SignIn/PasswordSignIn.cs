using System.Security.Cryptography;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace Academy.Identity.SignIn;

/// Signs a person in by email and password with the same work whatever the address: an unknown address, a disabled
/// account or one with no password yet (an invitation not taken up) costs one password-hash verification, as a wrong
/// password does. Otherwise answering in 2 ms instead of 60 ms told anyone which addresses have accounts (issue 8).
public sealed class PasswordSignIn(UserManager<AcademyUser> users, SignInManager<AcademyUser> signIn, IPasswordHasher<AcademyUser> hasher)
{
    private static readonly Lazy<string> Decoy = new(() =>
        new PasswordHasher<AcademyUser>().HashPassword(new AcademyUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public async Task<bool> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(new AcademyUser(), Decoy.Value, password);
            return false;
        }
        // Failures are counted by AccountThrottle per address and client, not by Identity's lockout, which let
        // anyone lock anyone out with five wrong passwords.
        return (await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false)).Succeeded;
    }
}
