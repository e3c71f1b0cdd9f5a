using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Academy.Data;

public static class AcademyConventions
{
    /// SQLite has no date-time-with-offset type: EF stores DateTimeOffset as text, which it cannot
    /// order or compare in SQL. As a long (UTC ticks and offset) it sorts and compares correctly.
    /// Every module context calls this from ConfigureConventions.
    public static void UseAcademyConventions(this ModelConfigurationBuilder builder, DbContext context)
    {
        if (context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
