# tools/bench/scaling.gp - the scaling plot of docs/performance.md.
#   gnuplot -e "dir='build/bench'" tools/bench/scaling.gp  -> dir/perf-scaling.png
set terminal pngcairo size 1100,450 font "sans,10"
set output dir.'/perf-scaling.png'
set multiplot layout 1,2 title "sipsift parse time grows linearly (one core, median of 5)"
set key top left
set grid
set xlabel "message size (bytes; 7 headers, one long value)"
set ylabel "ns per message"
plot dir.'/scaling-bytes.dat' using 1:2 with linespoints title "index", \
     '' using 1:3 with linespoints title "full validation", \
     '' using 1:4 with linespoints title "memchr floor"
set xlabel "header fields (short values)"
plot dir.'/scaling-headers.dat' using 1:3 with linespoints title "index", \
     '' using 1:4 with linespoints title "full validation", \
     '' using 1:5 with linespoints title "memchr floor"
unset multiplot
