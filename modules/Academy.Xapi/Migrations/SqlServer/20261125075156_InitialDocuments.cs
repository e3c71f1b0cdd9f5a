using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Resource = table.Column<byte>(type: "tinyint", nullable: false),
                    Key = table.Column<byte[]>(type: "binary(32)", fixedLength: true, maxLength: 32, nullable: false),
                    ContextKey = table.Column<byte[]>(type: "binary(32)", fixedLength: true, maxLength: 32, nullable: false),
                    ActivityId = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Agent = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Registration = table.Column<string>(type: "varchar(36)", unicode: false, maxLength: 36, nullable: true),
                    DocumentId = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    ETag = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    UpdatedTicks = table.Column<long>(type: "bigint", nullable: false)
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
