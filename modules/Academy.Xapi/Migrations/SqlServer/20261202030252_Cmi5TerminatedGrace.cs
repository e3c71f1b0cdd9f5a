using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Cmi5TerminatedGrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Cmi5TerminatedAt",
                table: "XapiCredentials",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Cmi5TerminatedAt",
                table: "XapiCredentials");
        }
    }
}
