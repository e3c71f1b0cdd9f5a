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
# step N START END TEXT...: "Step N" in small type, then each TEXT as a large line below it.
step() {
  n=$1 start=$2 end=$3 y=120
  shift 3
  line "$start" "$end" 70 24 "$regular" "Step $n"
  for text in "$@"; do
    line "$start" "$end" "$y" 34 "$font" "$text"
    y=$((y + 50))
  done
}
filters="$(line 0 2 130 36 $font 'Reporting a'
line 0 2 180 36 $font 'suspicious email'
line 0 2 260 22 $regular 'Digital foundations for NHS staff'
step 1 2 4.5 'Do not click links,' 'open attachments or reply'
step 2 4.5 7 'Forward it to' 'spamreports@nhs.net' 'then delete it'
step 3 7 9.5 'Clicked a link or' 'gave your password?' 'Call your IT service desk now')"

ffmpeg -y -hide_banner -loglevel error \
  -f lavfi -i "color=c=0x005EB8:s=640x360:r=25:d=9.5" \
  -vf "${filters%,}" \
  -c:v libvpx-vp9 -b:v 0 -crf 40 -g 50 -row-mt 1 -pix_fmt yuv420p -an \
  -metadata title="Reporting a suspicious email" \
  reporting-suspicious-email.webm
