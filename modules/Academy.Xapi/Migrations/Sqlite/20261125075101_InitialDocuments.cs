using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "XapiDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Resource = table.Column<byte>(type: "INTEGER", nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", fixedLength: true, maxLength: 32, nullable: false),
                    ContextKey = table.Column<byte[]>(type: "BLOB", fixedLength: true, maxLength: 32, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: true),
                    Agent = table.Column<string>(type: "TEXT", nullable: true),
                    Registration = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: true),
                    DocumentId = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    UpdatedTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_XapiDocuments_ContextKey_UpdatedTicks",
                table: "XapiDocuments",
                columns: new[] { "ContextKey", "UpdatedTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiDocuments_Key",
                table: "XapiDocuments",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "XapiDocuments");
        }
    }
}
