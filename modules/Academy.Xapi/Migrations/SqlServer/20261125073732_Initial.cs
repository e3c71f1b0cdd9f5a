using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.SqlServer
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
                    Sha2 = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiAttachments", x => x.Sha2);
                });

            migrationBuilder.CreateTable(
                name: "XapiCredentials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SecretHash = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiCredentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatementKeys",
                columns: table => new
                {
                    Kind = table.Column<byte>(type: "tinyint", nullable: false),
                    Hash = table.Column<byte[]>(type: "binary(16)", fixedLength: true, maxLength: 16, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatementKeys", x => new { x.Kind, x.Hash, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "XapiStatements",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Id = table.Column<string>(type: "varchar(36)", unicode: false, maxLength: 36, nullable: true),
                    StoredTicks = table.Column<long>(type: "bigint", nullable: false),
                    CredentialId = table.Column<int>(type: "int", nullable: false),
                    IsVoiding = table.Column<bool>(type: "bit", nullable: false),
                    Voided = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
                unique: true,
                filter: "[Id] IS NOT NULL");

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
