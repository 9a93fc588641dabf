package org.contactaudit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.contactaudit.io.InputFile;
import org.contactaudit.io.InputSource;

/**
 * An input file on any Hadoop file system (local, HDFS, S3A, ...). Serializable by its path only: a
 * task opens it with its own Hadoop configuration.
 */
final class HadoopSource implements InputSource, Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private transient Configuration conf;

  private HadoopSource(String path, Configuration conf) {
    this.path = path;
    this.conf = conf;
  }

  /**
   * The file of {@code file} in folder {@code folder}: {@code name.csv}, or {@code name.csv.gz}
   * when only that exists (as {@link org.contactaudit.io.InputPaths#inFolder}).
   */
  static HadoopSource inFolder(String folder, InputFile file, Configuration conf)
      throws IOException {
    Path plain = new Path(folder, file.fileName());
    Path gzip = new Path(folder, file.fileName() + ".gz");
    FileSystem fs = plain.getFileSystem(conf);
    Path chosen = fs.exists(plain) || !fs.exists(gzip) ? plain : gzip;
    return new HadoopSource(chosen.toString(), conf);
  }

  private Configuration conf() {
    if (conf == null) {
      conf = new Configuration();
    }
    return conf;
  }

  @Override
  public String name() {
    return new Path(path).getName();
  }

  @Override
  public String location() {
    return path;
  }

  @Override
  public InputStream open() throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(conf()).open(p);
  }

  @Override
  public long size() {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf()).getFileStatus(p).getLen();
    } catch (IOException e) {
      return -1;
    }
  }
}
