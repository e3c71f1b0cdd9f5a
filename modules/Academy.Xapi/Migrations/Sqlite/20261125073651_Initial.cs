using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "XapiAttachments",
                columns: table => new
                {
                    Sha2 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiAttachments", x => x.Sha2);
                });

            migrationBuilder.CreateTable(
                name: "XapiCredentials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiCredentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatementKeys",
                columns: table => new
                {
                    Kind = table.Column<byte>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", fixedLength: true, maxLength: 16, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatementKeys", x => new { x.Kind, x.Hash, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "XapiStatements",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: true),
                    StoredTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    CredentialId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsVoiding = table.Column<bool>(type: "INTEGER", nullable: false),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatements", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_XapiCredentials_Key",
                table: "XapiCredentials",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_CredentialId_Sequence",
                table: "XapiStatements",
                columns: new[] { "CredentialId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_Id",
                table: "XapiStatements",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_StoredTicks",
                table: "XapiStatements",
                column: "StoredTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "XapiAttachments");

            migrationBuilder.DropTable(
                name: "XapiCredentials");

            migrationBuilder.DropTable(
                name: "XapiStatementKeys");

            migrationBuilder.DropTable(
                name: "XapiStatements");
        }
    }
}
