#!/bin/sh
# Remakes reporting-suspicious-email.webm: four title cards on NHS blue, 9.5 seconds, no sound.
# Needs ffmpeg with libvpx and libfreetype (Debian: apt-get install -y ffmpeg) and the DejaVu fonts.
# The site, the tests and CI never run this; the WebM it makes is committed beside it.
# If you change a card's words or times, change reporting-suspicious-email.en.vtt and
# reporting-suspicious-email-transcript.md to match.
set -eu
cd "$(dirname "$0")"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
regular=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

# line START END Y SIZE FONT TEXT: one centred line of white text shown from START to END seconds.
line() {
  printf "drawtext=fontfile=%s:fontsize=%s:fontcolor=white:x=(w-text_w)/2:y=%s:enable='between(t,%s,%s)':text='%s'," "$5" "$4" "$3" "$1" "$2" "$6"
}
filters="$(line 0 2 130 36 $font 'Reporting a'
line 0 2 180 36 $font 'suspicious email'
line 0 2 260 22 $regular 'Digital foundations for NHS staff'
line 2 4.5 90 24 $regular 'Step 1'
line 2 4.5 140 34 $font 'Do not click links,'
line 2 4.5 190 34 $font 'open attachments or reply'
line 4.5 7 70 24 $regular 'Step 2'
line 4.5 7 120 34 $font 'Forward it to'
line 4.5 7 170 34 $font 'spamreports@nhs.net'
line 4.5 7 220 34 $font 'then delete it'
line 7 9.5 70 24 $regular 'Step 3'
line 7 9.5 120 34 $font 'Clicked a link or'
line 7 9.5 170 34 $font 'gave your password?'
line 7 9.5 220 34 $font 'Call your IT service desk now')"

ffmpeg -y -hide_banner -loglevel error \
  -f lavfi -i "color=c=0x005EB8:s=640x360:r=25:d=9.5" \
  -vf "${filters%,}" \
  -c:v libvpx-vp9 -b:v 0 -crf 40 -g 50 -row-mt 1 -pix_fmt yuv420p -an \
  -metadata title="Reporting a suspicious email" \
  reporting-suspicious-email.webm
